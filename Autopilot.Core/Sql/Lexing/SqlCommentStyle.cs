namespace Autopilot.Core.Sql;

/// <summary>The three comment styles BigQuery accepts.</summary>
public enum SqlCommentStyle
{
    /// <summary><c>-- …</c> to the end of the line.</summary>
    DoubleDash,

    /// <summary><c># …</c> to the end of the line.</summary>
    Hash,

    /// <summary><c>/* … */</c>; these do not nest.</summary>
    Block,
}
