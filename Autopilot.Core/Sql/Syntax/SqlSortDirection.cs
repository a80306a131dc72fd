namespace Autopilot.Core.Sql;

/// <summary>ASC, DESC, or neither written (BigQuery then sorts ascending).</summary>
public enum SqlSortDirection
{
    Default,
    Ascending,
    Descending,
}
