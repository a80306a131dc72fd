namespace Autopilot.Core.Sql;

/// <summary>One item of a FROM clause: a table, subquery, UNNEST, table function or join.</summary>
public abstract record SqlFromItem;
