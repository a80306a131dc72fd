namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The default planner: no language model. It finds the catalog's tables by role (entity, events, transactions,
/// dimensions), reads the question's measure, window, grain, comparison, split and filters, and writes one BigQuery
/// query the SQL gate admits unchanged. Questions it cannot read completely get null, never a guess.
/// </summary>
public sealed class DeterministicPlanner : IQuestionPlanner
{
    /// <summary>The <see cref="AgentPlan.Planner"/> of its plans.</summary>
    public const string Name = PlanComposer.PlannerName;

    /// <summary>Examples of what it answers, for the "not understood" reply.</summary>
    public static IReadOnlyList<string> SupportedQuestions { get; } =
    [
        "Daily active users over the last 30 days",
        "Weekly active users over the last 8 weeks",
        "How many orders per day over the last 14 days?",
        "Revenue per week over the last 4 weeks",
        "Average order value per month",
        "New users per day in the last 14 days",
        "Top 5 countries by revenue in the last 30 days",
        "Revenue by channel last month",
        "Orders by status in the last 7 days",
        "Revenue this week vs last week",
        "% change in orders in the last 7 days compared to the previous 7 days",
        "Funnel session_start → add_to_cart → purchase in the last 30 days",
        "Conversion rate in the last 30 days",
        "Weekly retention",
        "Completed orders in the US in the last 30 days",
        "How many purchase events yesterday?",
    ];

    private readonly TimeProvider _clock;

    public DeterministicPlanner()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">What "today" is: relative windows are counted from it, and a month named without a year is the latest begun.</param>
    public DeterministicPlanner(TimeProvider clock) => _clock = clock ?? throw new ArgumentNullException(nameof(clock));

    public Task<AgentPlan?> PlanAsync(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        cancellation.ThrowIfCancellationRequested();
        var today = Today(_clock);
        return Task.FromResult(previousErrors is { Count: > 0 } ? Replan(question, catalog, previousErrors, today) : Plan(question, catalog, today));
    }

    /// <summary>The UTC day of <paramref name="clock"/>: the day windows are counted from, as the warehouse's CURRENT_DATE() counts them.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The plan for <paramref name="question"/> read on <paramref name="today"/>, or null when it is not a question this planner reads.</summary>
    public static AgentPlan? Plan(string question, AgentCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = CatalogRoles.Find(catalog);
        return QuestionReader.Read(question ?? string.Empty, roles, lenient: false, today).Request is { } request ? PlanComposer.Compose(request, roles) : null;
    }

    /// <summary>
    /// When the question has words no plan element can use, or names a window the data does not cover: the run's
    /// question back — those words and why, and the closest questions it can answer. Null when there is nothing to name
    /// (the question is simply not one it reads).
    /// </summary>
    public static PlanClarification? Clarify(string question, AgentCatalog catalog, DateOnly today) => PlannerClarification.For(question ?? string.Empty, catalog, today);

    /// <summary>
    /// After a plan failed validation: plan again over the catalog without the tables and columns the errors name,
    /// dropping (with a note) the filters and splits that needed them, then without any filter, then without any split;
    /// the first plan that validates wins, else null.
    /// </summary>
    public static AgentPlan? Replan(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(previousErrors);
        var note = $"Replanned after validation errors: {string.Join("; ", previousErrors.Take(3))}";
        var reduced = ReplanCatalog.Without(catalog, previousErrors);
        var roles = CatalogRoles.Find(reduced);
        if (QuestionReader.Read(question ?? string.Empty, roles, lenient: true, today).Request is not { } request)
        {
            return null;
        }

        var attempts = new List<PlanRequest> { request };
        if (request.Filters.Count > 0)
        {
            attempts.Add(request with { Filters = [], Notes = [.. request.Notes, $"Dropped the filters ({string.Join(", ", request.Filters.Select(f => f.Description))}) to get a plan that validates."] });
        }

        if (request.GroupBy is { } group && request.Measure.Kind is not (MeasureKind.Funnel or MeasureKind.Retention))
        {
            attempts.Add(attempts[^1] with { GroupBy = null, ThenBy = null, Top = null, Notes = [.. attempts[^1].Notes, $"Dropped the split by {group.Label} to get a plan that validates."] });
        }

        foreach (var attempt in attempts)
        {
            var plan = PlanComposer.Compose(attempt, roles);
            if (PlanValidator.Validate(plan, catalog).Count == 0)
            {
                return plan with { Risks = [.. plan.Risks, note] };
            }
        }

        return null;
    }
}
