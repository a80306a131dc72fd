using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Closes an agent run's workflow record: <c>success</c> when the run answered (whatever the answer's type),
/// <c>failed</c> when a stage failed past its retries. Idempotent: the same status is written again.
/// </summary>
public sealed class FinishAgentRunActivity : TaskActivity<AgentRunFinish, bool>
{
    private readonly WorkflowRunStore _runs;
    private readonly TimeProvider _time;

    public FinishAgentRunActivity(WorkflowRunStore runs, TimeProvider time)
    {
        _runs = runs;
        _time = time;
    }

    public override async Task<bool> RunAsync(TaskActivityContext context, AgentRunFinish input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var status = input.Completed ? WorkflowStatus.Success : WorkflowStatus.Failed;
        await _runs.SetStatusAsync(input.TenantId, input.RunId, status, _time.GetUtcNow(), input.Error is null ? null : CompleteWorkflowRunActivity.Sanitize(input.Error), CancellationToken.None);
        Telemetry.AutopilotMetrics.WorkflowFinished(WorkflowTypes.Agent, input.Completed);
        return true;
    }
}
