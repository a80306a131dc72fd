namespace Autopilot.Core.Sql;

/// <summary>What a known function computes over: one row, a group (also usable with OVER), or a window only.</summary>
public enum SqlFunctionKind
{
    Scalar,
    Aggregate,
    Window,
}
