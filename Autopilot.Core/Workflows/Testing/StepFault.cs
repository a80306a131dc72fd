namespace Autopilot.Core.Workflows.Testing;

/// <summary>Make a step fail with <see cref="Failure"/> on its first <see cref="Times"/> executions.</summary>
public sealed record StepFault(FailureClass Failure, int Times);
