using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Executor: the approved or allowed query through the query path again (the gate re-checks it; the budget may have
/// moved), run once per run — a re-run after a crash reuses the recorded output — with its output hash for provenance.
/// </summary>
public sealed class ExecuteQueryActivity : TaskActivity<ExecuteRequest, ExecutionOutput>
{
    private readonly QueryPath _queries;
    private readonly StepRecorder _steps;
    private readonly StepStore _store;
    private readonly AgentTransitions _transitions;

    public ExecuteQueryActivity(QueryPath queries, StepRecorder steps, StepStore store, AgentTransitions transitions)
    {
        _queries = queries;
        _steps = steps;
        _store = store;
        _transitions = transitions;
    }

    public override async Task<ExecutionOutput> RunAsync(TaskActivityContext context, ExecuteRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _transitions.EnterAsync(input.TenantId, input.RunId, AgentStage.Executing);
        var stepInput = new { input.TenantId, input.RunId, input.Sql };
        return await _steps.RunAsync(input.TenantId, input.RunId, "execute_query", stepInput, async ct =>
        {
            var plan = await _queries.PlanAsync(input.TenantId, input.ConnectionId, input.Sql, ct);
            if (plan.Status == QueryPlanStatus.Blocked || (plan.Status == QueryPlanStatus.ApprovalRequired && !input.Approved))
            {
                throw new WorkflowStepException(FailureClass.QuotaExceeded, "blocked at execution: " + string.Join("; ", plan.Reasons));
            }

            var outcome = await _queries.RunAsync(plan with { Status = QueryPlanStatus.Ready }, $"{input.RunId}-execute", showPii: false, input.RunId, ct);
            var state = await _store.GetAsync(input.TenantId, input.RunId, "execute_query", StepRecorder.InputHash(stepInput), ct);
            var hash = Ids.Sha256Hex(JsonSerializer.Serialize(outcome.Rows, AutopilotJson.Options));
            return new ExecutionOutput(outcome.Columns, outcome.Rows, outcome.ActualBytes, outcome.Truncated, outcome.CacheHit, outcome.RedactedColumns, hash, state?.Attempts ?? 1);
        }, CancellationToken.None);
    }
}
