namespace Autopilot.Core.Memos;

/// <summary>A KPI split by one dimension: columns <c>segment</c>, <c>current_value</c>, <c>previous_value</c>.</summary>
/// <param name="Dimension">The dimension column, e.g. <c>channel</c> (of the KPI's table, or of the entity it links to).</param>
public sealed record MemoSegmentSpec(string Dimension, string Sql);
