namespace Autopilot.Core.Sql;

/// <summary>How the gate treats a missing time filter on a table that needs one.</summary>
public enum SqlTimeFilterMode
{
    /// <summary>Narrow the query to the default window (<see cref="SqlGateOptions.DefaultTimeWindowDays"/>).</summary>
    Rewrite,

    /// <summary>Refuse the query, saying which table needs a filter on which column.</summary>
    Block,
}
