namespace Autopilot.Core.Sql;

/// <summary>NULLS FIRST, NULLS LAST, or neither written (BigQuery then puts NULLs first ascending, last descending).</summary>
public enum SqlNullsOrder
{
    Default,
    First,
    Last,
}
