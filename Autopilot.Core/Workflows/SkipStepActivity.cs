using Microsoft.DurableTask;

namespace Autopilot.Core.Workflows;

/// <summary>Records a failed step as skipped (retry action <c>skip_and_continue</c>, PROF-6).</summary>
public sealed class SkipStepActivity : TaskActivity<SkipStepInput, bool>
{
    private readonly StepStore _steps;

    public SkipStepActivity(StepStore steps) => _steps = steps;

    public override async Task<bool> RunAsync(TaskActivityContext context, SkipStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _steps.FinishAsync(input.TenantId, input.WorkflowId, input.Step, input.InputHash, StepStatus.Skipped,
            $$"""{"skipped":true,"reason":{{System.Text.Json.JsonSerializer.Serialize(input.Reason)}}}""", input.Reason, CancellationToken.None);
        return true;
    }
}
