namespace Autopilot.Core.Agent;

/// <summary>What a plan expects its query to return, so the post-execution critic can spot a mismatch.</summary>
public enum ResultShape
{
    /// <summary>One row, one or a few numbers.</summary>
    Scalar,

    /// <summary>Rows ordered by a time column (a trend).</summary>
    Series,

    /// <summary>Rows ranked or grouped by a dimension.</summary>
    Table,
}
