namespace Autopilot.Core.Sql;

/// <summary>Kinds of window frame bound.</summary>
public enum SqlFrameBoundKind
{
    UnboundedPreceding,
    Preceding,
    CurrentRow,
    Following,
    UnboundedFollowing,
}
