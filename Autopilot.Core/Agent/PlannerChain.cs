namespace Autopilot.Core.Agent;

/// <summary>
/// The configured planners in order (the language-model planner when enabled, then the deterministic one): the first
/// plan that answers the whole question wins. Every planner's plan goes through the same accounting — a word of the
/// question it left unused, or a value the data does not hold, rejects it — and when none is left the run asks.
/// </summary>
public static class PlannerChain
{
    public static async Task<PlanOutcome> PlanAsync(
        IEnumerable<IQuestionPlanner> planners, string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, DateOnly today, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(planners);
        ArgumentNullException.ThrowIfNull(catalog);
        var rejections = new List<string>();
        foreach (var planner in planners)
        {
            if (await planner.PlanAsync(question, catalog, previousErrors, cancellation).ConfigureAwait(false) is not { } plan)
            {
                continue;
            }

            // Words it left unused, or values the data does not hold, reject the plan (the next planner may read the
            // question completely).
            var (unused, problems) = Planning.QuestionAccounting.Check(question, plan, catalog);
            if (unused.Count == 0 && problems.Count == 0)
            {
                return new PlanOutcome(plan, null, []);
            }

            if (unused.Count > 0)
            {
                rejections.Add($"A plan left words of the question unused: {string.Join(", ", unused.Select(w => $"\"{w}\""))}.");
            }

            rejections.AddRange(problems);
        }

        if (Planning.DeterministicPlanner.Clarify(question, catalog, today) is { } clarification)
        {
            return new PlanOutcome(null, clarification.Summary, clarification.Suggestions) { Clarification = clarification };
        }

        return new PlanOutcome(null, "I could not turn that question into a query. Questions I can answer look like these:",
            [.. rejections.Take(3), .. Planning.DeterministicPlanner.SupportedQuestions.Take(12)]);
    }
}
