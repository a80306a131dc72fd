namespace Autopilot.Core.Sql;

/// <summary>A window: <c>OVER name</c>, or <c>OVER ([name] [PARTITION BY …] [ORDER BY …] [frame])</c>.</summary>
public sealed record SqlWindowSpec(string? Name, SqlList<SqlExpression> PartitionBy, SqlList<SqlOrderItem> OrderBy, SqlWindowFrame? Frame)
{
    /// <summary>True for a bare reference to a named window (<c>OVER w</c>).</summary>
    public bool IsReference => Name is not null && PartitionBy.Count == 0 && OrderBy.Count == 0 && Frame is null;
}
