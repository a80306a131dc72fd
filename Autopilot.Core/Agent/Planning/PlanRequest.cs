namespace Autopilot.Core.Agent.Planning;

/// <summary>A question read against the catalog: what to measure, over which window, split and filtered how.</summary>
internal sealed record PlanRequest(
    Measure Measure,
    TimeGrain Grain,
    TimeWindow Window,
    bool WindowDefaulted,
    bool Compare,
    Dimension? GroupBy,
    int? Top,
    bool Ascending,
    IReadOnlyList<Filter> Filters,
    IReadOnlyList<string> FunnelSteps,
    IReadOnlyList<string> Notes)
{
    /// <summary>The question as asked.</summary>
    public string Question { get; init; } = string.Empty;

    /// <summary>Every word of the question and the element it produced.</summary>
    public IReadOnlyList<PlanWord> Words { get; init; } = [];

    /// <summary>The rows the counted entities must not have ("never", "without"); null for none.</summary>
    public AntiJoin? Without { get; init; }

    /// <summary>
    /// The person the measure is averaged over ("active user", "customer"): the people with rows of the measured table in
    /// the window. Null when the measure is not per person.
    /// </summary>
    public string? PerEntity { get; init; }

    /// <summary>A second dimension the answer is split by ("revenue by channel and country"); null for one split or none.</summary>
    public Dimension? ThenBy { get; init; }

    /// <summary>The splits of the answer, in the question's order.</summary>
    public IEnumerable<Dimension> Splits => new[] { GroupBy, ThenBy }.OfType<Dimension>();

    /// <summary>The day the question was read on: what relative windows are counted from, for stating them in dates.</summary>
    public DateOnly Today { get; init; }
}

/// <summary>The period a series is grouped by; <see cref="None"/> for a single number or a breakdown.</summary>
internal enum TimeGrain
{
    None,
    Day,
    Week,
    Month,
}

/// <summary>What a question measures.</summary>
internal enum MeasureKind
{
    /// <summary>Distinct entities (users) with at least one event.</summary>
    ActiveUsers,

    /// <summary>Rows of the event table.</summary>
    Events,

    /// <summary>Rows of the transactions table (orders).</summary>
    Transactions,

    /// <summary>Sum of the transactions' amount.</summary>
    Revenue,

    /// <summary>Average of the transactions' amount (average order value).</summary>
    AverageAmount,

    /// <summary>Entities created in the window (new users, sign-ups).</summary>
    NewEntities,

    /// <summary>Distinct entities with at least one transaction (buyers, customers).</summary>
    Buyers,

    /// <summary>SUM/AVG/MIN/MAX of a numeric column the question names.</summary>
    ColumnAggregate,

    /// <summary>Active entities that also transacted, as a share of active entities.</summary>
    Conversion,

    /// <summary>Entities active in one period that were active again in the next.</summary>
    Retention,

    /// <summary>Entities reaching each of a sequence of event names.</summary>
    Funnel,

    /// <summary>Rows of the entity table (all users, however active), all time unless a window is named.</summary>
    Entities,

    /// <summary>The percentage of rows that match the question's filters on the measured table ("% of orders refunded").</summary>
    Share,
}

/// <summary>
/// A measure over <paramref name="Table"/>: <paramref name="Aggregate"/> (COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX) of
/// <paramref name="Column"/> (null for COUNT(*)), output as <paramref name="Name"/> and described as <paramref name="Label"/>.
/// </summary>
internal sealed record Measure(MeasureKind Kind, PlanTable Table, string Aggregate, string? Column, string Name, string Label)
{
    /// <summary>The aggregate over all rows, or over the rows where <paramref name="condition"/> holds.</summary>
    public string Sql(string? condition = null)
    {
        var column = Column is null ? null : Table.Ref(Column);
        return (Aggregate, condition) switch
        {
            ("COUNT", null) => "COUNT(*)",
            ("COUNT", _) => $"COUNTIF({condition})",
            ("COUNT_DISTINCT", null) => $"COUNT(DISTINCT {column})",
            ("COUNT_DISTINCT", _) => $"COUNT(DISTINCT IF({condition}, {column}, NULL))",
            ("SUM", null) => $"SUM({column})",
            ("SUM", _) => $"SUM(IF({condition}, {column}, 0))",
            ("MEDIAN", null) => $"APPROX_QUANTILES({column}, 100)[OFFSET(50)]",
            ("MEDIAN", _) => $"APPROX_QUANTILES(IF({condition}, {column}, NULL), 100)[OFFSET(50)]",
            (['P', ..] percentile, null) => $"APPROX_QUANTILES({column}, 100)[OFFSET({percentile[1..]})]",
            (['P', ..] percentile, _) => $"APPROX_QUANTILES(IF({condition}, {column}, NULL), 100)[OFFSET({percentile[1..]})]",
            (_, null) => $"{Aggregate}({column})",
            _ => $"{Aggregate}(IF({condition}, {column}, NULL))",
        };
    }
}

/// <summary>A column a question groups by: a dimension, or the entity's id ("top 10 users by revenue").</summary>
internal sealed record Dimension(PlanTable Table, string Column, string Label);

/// <summary>
/// A filter on a dimension: equal to one of <paramref name="Values"/> (or to none, when negated). The values are the
/// data's own spellings, looked up before planning, and always quoted literals.
/// </summary>
internal sealed record Filter(PlanTable Table, string Column, IReadOnlyList<string> Values, bool Negated = false)
{
    public string Sql => Values.Count == 1
        ? $"{Table.Ref(Column)} {(Negated ? "!=" : "=")} {PlanSql.String(Values[0])}"
        : $"{Table.Ref(Column)} {(Negated ? "NOT IN" : "IN")} ({string.Join(", ", Values.Select(PlanSql.String))})";

    public string Description => Values.Count == 1
        ? $"{Column} {(Negated ? "is not" : "=")} \"{Values[0]}\""
        : $"{Column} {(Negated ? "is none of" : "is one of")} {string.Join(", ", Values.Select(v => $"\"{v}\""))}";
}
