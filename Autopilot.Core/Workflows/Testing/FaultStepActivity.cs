using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows.Testing;

/// <summary>
/// One step of the fault-injection workflow: waits, then fails as its fault says. Which execution this is comes from
/// the step record's attempt count, so faults hold across retries, resumes and process restarts.
/// </summary>
public sealed class FaultStepActivity : TaskActivity<FaultStepInput, string>
{
    private readonly StepRecorder _steps;
    private readonly StepStore _store;
    private readonly TimeProvider _time;

    public FaultStepActivity(StepRecorder steps, StepStore store, TimeProvider time)
    {
        _steps = steps;
        _store = store;
        _time = time;
    }

    public override Task<string> RunAsync(TaskActivityContext context, FaultStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var identity = new { input.TenantId, input.WorkflowId, input.Step };
        return _steps.RunAsync(input.TenantId, input.WorkflowId, input.Step, identity, async ct =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(input.DelayMs), _time, ct);
            var state = await _store.GetAsync(input.TenantId, input.WorkflowId, input.Step, StepRecorder.InputHash(identity), ct);
            var execution = state?.Attempts ?? 1;
            if (input.Fault is { } fault && execution <= fault.Times && !(input.Sampling && fault.Failure == FailureClass.Timeout))
            {
                throw new WorkflowStepException(fault.Failure, $"injected fault in {input.Step} (execution {execution})");
            }

            return $"{input.Step} done";
        }, CancellationToken.None);
    }
}
