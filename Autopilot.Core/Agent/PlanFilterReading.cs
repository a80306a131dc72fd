namespace Autopilot.Core.Agent;

/// <summary>A filter the question names: <c>dataset.table.column</c> equal to one of <see cref="Values"/> (as the data spells them).</summary>
public sealed record PlanFilterReading(string Table, string Column, IReadOnlyList<string> Values, bool Negated = false);
