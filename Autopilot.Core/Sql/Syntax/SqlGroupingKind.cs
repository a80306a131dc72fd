namespace Autopilot.Core.Sql;

/// <summary>Kinds of grouping set.</summary>
public enum SqlGroupingKind
{
    Rollup,
    Cube,
}
