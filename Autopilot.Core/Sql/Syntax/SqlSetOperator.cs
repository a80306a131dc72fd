namespace Autopilot.Core.Sql;

/// <summary>The set operations BigQuery knows.</summary>
public enum SqlSetOperator
{
    Union,
    Intersect,
    Except,
}
