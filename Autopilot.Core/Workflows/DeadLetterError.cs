namespace Autopilot.Core.Workflows;

public sealed record DeadLetterError(int Attempt, string Step, string FailureClass, string Error, DateTimeOffset At);
