namespace Autopilot.Core.Sql;

/// <summary>A table named by a path (<c>project.dataset.table</c>, <c>dataset.table</c>, a CTE name), with an optional alias.</summary>
public sealed record SqlTableRef(SqlList<string> Path, string? Alias) : SqlFromItem
{
    /// <summary>The last part of the path: the table's own name.</summary>
    public string Name => Path[^1];
}
