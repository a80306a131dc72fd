using Autopilot.Core.Costs;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Critic (pre-execution): the plan's query through the one query path — SQL gate, live-execution switch, dry run, cost
/// gate (audited as <c>security_gate_decision</c>). A query needing approval is stored as a preview the approval refers to.
/// </summary>
public sealed class CritiquePlanActivity : TaskActivity<CritiqueRequest, GateVerdict>
{
    private readonly QueryPath _queries;
    private readonly QueryPreviewStore _previews;
    private readonly AgentTransitions _transitions;
    private readonly TimeProvider _time;

    public CritiquePlanActivity(QueryPath queries, QueryPreviewStore previews, AgentTransitions transitions, TimeProvider time)
    {
        _queries = queries;
        _previews = previews;
        _transitions = transitions;
        _time = time;
    }

    public override async Task<GateVerdict> RunAsync(TaskActivityContext context, CritiqueRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _transitions.EnterAsync(input.TenantId, input.RunId, AgentStage.Critiquing);
        var step = input.Plan.Steps[0];
        var plan = await _queries.PlanAsync(input.TenantId, input.ConnectionId, step.Sql, CancellationToken.None);
        switch (plan.Status)
        {
            case QueryPlanStatus.Blocked:
                var budget = plan.Reasons.Contains(CostGate.BudgetExceeded);
                var hardCap = plan.Reasons.Contains(CostGate.HardCapExceeded);
                return new GateVerdict(GateVerdictStatus.Blocked, null, plan.Reasons,
                    budget ? "wait_or_reduce_cost" : hardCap ? "narrow_scope" : "revise_query", plan.EstimatedBytes, plan.EstimatedCostUsd, null);
            case QueryPlanStatus.ApprovalRequired:
                // One preview per run, so a retried critic reuses it.
                var previewId = "qry_" + Ids.Sha256Hex(input.RunId)[..12];
                if (await _previews.GetAsync(input.TenantId, previewId, CancellationToken.None) is null)
                {
                    var now = _time.GetUtcNow();
                    await _previews.AddAsync(new QueryPreview(previewId, input.TenantId, input.ConnectionId, plan.Sql!, PreviewStatus.Pending,
                        plan.EstimatedBytes, (long)Math.Round(plan.EstimatedCostUsd * 100, MidpointRounding.AwayFromZero), true,
                        now, now + _queries.Options.PreviewTtl, null, null, null, null, null) { AgentRunId = input.RunId }, CancellationToken.None);
                }

                return new GateVerdict(GateVerdictStatus.ApprovalRequired, plan.Sql, plan.Reasons, "preview_then_approve", plan.EstimatedBytes, plan.EstimatedCostUsd, previewId);
            default:
                return new GateVerdict(GateVerdictStatus.Allowed, plan.Sql, plan.Reasons, null, plan.EstimatedBytes, plan.EstimatedCostUsd, null);
        }
    }
}
