namespace Autopilot.Core.Workflows;

/// <summary>
/// Test hook: an extra delay inside every step's work, so a test can kill a process while a step runs.
/// Zero (off) unless <c>AUTOPILOT_TEST_STEP_DELAY_MS</c> is set.
/// </summary>
public sealed class StepDelayOptions
{
    public TimeSpan Delay { get; init; }
}
