using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent.Planning;

/// <summary>A catalog table as the planner writes SQL over it: its name, the alias it goes by, its time column.</summary>
internal sealed record PlanTable(CatalogTable Table, IReadOnlyList<CatalogColumn> Columns, string Alias)
{
    /// <summary>Rows from which a read counts as a large scan worth a risk note.</summary>
    public const long LargeRowCount = 1_000_000;

    /// <summary>Bytes from which a read counts as a large scan worth a risk note.</summary>
    public const long LargeBytes = 1L << 30;

    /// <summary>The looked-up values of its dimension columns, by column name; a column without an entry has none known.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string Name => Table.Table;

    /// <summary><c>dataset.table</c>, as people read it.</summary>
    public string Display => $"{Table.Dataset}.{Table.Table}";

    /// <summary><c>dataset.table</c> as SQL.</summary>
    public string Sql => $"{PlanSql.Name(Table.Dataset)}.{PlanSql.Name(Table.Table)}";

    /// <summary>The column a time window goes on: the partition column, else the profiled time column.</summary>
    public string? TimeColumn => Table.PartitionColumn ?? Table.TimeColumn;

    public string? TimeType => Column(TimeColumn)?.DataType;

    public bool IsLarge => Table.RowCount >= LargeRowCount || Table.Bytes >= LargeBytes;

    public CatalogColumn? Column(string? name) =>
        name is null ? null : Columns.FirstOrDefault(c => string.Equals(c.Column, name, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>alias.column</c> as SQL.</summary>
    public string Ref(string column) => $"{Alias}.{PlanSql.Name(column)}";

    /// <summary>The time column as a DATE expression, for grouping by day, week or month.</summary>
    public string DateOf() => TimeType?.ToUpperInvariant() == "DATE" ? Ref(TimeColumn!) : $"DATE({Ref(TimeColumn!)})";

    /// <summary>
    /// The time column inside <paramref name="window"/>: a comparison of the column itself (not of an expression over
    /// it), so the warehouse can prune partitions and the gate sees the filter it requires.
    /// </summary>
    public string InWindow(TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.IsAllTime)
        {
            return UpToNow();
        }

        var column = Ref(TimeColumn!);
        var start = $"{column} >= {Bound(window.Start)}";
        return window.End is { } end ? $"{start} AND {column} < {Bound(end)}" : start;
    }

    /// <summary>
    /// A condition on the time column that keeps every row up to now: what a lookup of this table (a dimension join)
    /// needs to satisfy the partition-filter rule without narrowing it.
    /// </summary>
    public string UpToNow() => $"{Ref(TimeColumn!)} <= {TypeName() switch
    {
        "DATE" => "CURRENT_DATE()",
        "DATETIME" => "CURRENT_DATETIME()",
        _ => "CURRENT_TIMESTAMP()",
    }}";

    private string Bound(DateBound bound) => TypeName() switch
    {
        "DATE" => bound.Sql,
        "DATETIME" => $"DATETIME({bound.Sql})",
        _ => $"TIMESTAMP({bound.Sql})",
    };

    private string TypeName() => TimeType?.ToUpperInvariant() ?? "TIMESTAMP";
}
