using Autopilot.Core.Llm;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Planner stage: the configured planners in order (<see cref="PlannerChain"/>); the first plan that answers the whole
/// question wins. Without a profiled catalog there is nothing to plan over.
/// </summary>
public sealed class PlanQuestionActivity : TaskActivity<PlanRequest, PlanOutcome>
{
    private readonly IEnumerable<IQuestionPlanner> _planners;
    private readonly AgentCatalogLoader _catalog;
    private readonly AgentTransitions _transitions;
    private readonly TimeProvider _clock;

    public PlanQuestionActivity(IEnumerable<IQuestionPlanner> planners, AgentCatalogLoader catalog, AgentTransitions transitions, TimeProvider clock)
    {
        _planners = planners;
        _catalog = catalog;
        _transitions = transitions;
        _clock = clock;
    }

    public override async Task<PlanOutcome> RunAsync(TaskActivityContext context, PlanRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var replan = input.PreviousErrors.Count > 0;
        await _transitions.EnterAsync(input.TenantId, input.RunId, replan ? AgentStage.Replanning : AgentStage.Planning);
        var catalog = await _catalog.LoadAsync(input.TenantId, CancellationToken.None);
        if (catalog.Tables.Count == 0)
        {
            return new PlanOutcome(null, "The warehouse has not been profiled yet: run POST /api/v1/workflows/profile first", []);
        }

        using var caller = LlmCallScope.Begin(input.TenantId, LlmTasks.Planner);
        return await PlannerChain.PlanAsync(_planners, input.Message, catalog, input.PreviousErrors, Planning.DeterministicPlanner.Today(_clock), CancellationToken.None);
    }
}
