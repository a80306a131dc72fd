namespace Autopilot.Core.Sql;

/// <summary>One item of a SELECT list.</summary>
public abstract record SqlSelectItem;
