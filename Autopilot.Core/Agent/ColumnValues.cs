namespace Autopilot.Core.Agent;

/// <summary>The values a low-cardinality text column holds (looked up through the query path), as the data spells them.</summary>
public sealed record ColumnValues(string Dataset, string Table, string Column, IReadOnlyList<string> Values);
