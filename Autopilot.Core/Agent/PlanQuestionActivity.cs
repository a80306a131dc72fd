using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Planner stage: the configured planners in order (the language-model planner when enabled, then the deterministic
/// one); the first plan wins. Without a profiled catalog there is nothing to plan over.
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

        var rejections = new List<string>();
        foreach (var planner in _planners)
        {
            if (await planner.PlanAsync(input.Message, catalog, input.PreviousErrors, CancellationToken.None) is not { } plan)
            {
                continue;
            }

            // Every planner's plan answers the whole question or not at all: words it left unused, or values the data
            // does not hold, reject it (the next planner may read the question completely).
            var (unused, problems) = Planning.QuestionAccounting.Check(input.Message, plan, catalog);
            if (unused.Count == 0 && problems.Count == 0)
            {
                return new PlanOutcome(plan, null, []);
            }

            rejections.AddRange(problems);
        }

        if (Planning.DeterministicPlanner.Clarify(input.Message, catalog, Planning.DeterministicPlanner.Today(_clock)) is { } clarification)
        {
            return new PlanOutcome(null, clarification.Summary, clarification.Suggestions) { Clarification = clarification };
        }

        return new PlanOutcome(null, "I could not turn that question into a query. Questions I can answer look like these:",
            [.. rejections.Take(3), .. Planning.DeterministicPlanner.SupportedQuestions.Take(12)]);
    }
}
