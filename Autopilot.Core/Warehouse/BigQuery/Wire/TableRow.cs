using System.Text.Json;

namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>A result row in BigQuery's wire shape: <c>{"f":[{"v":…},…]}</c>, one cell per schema field.</summary>
internal sealed record TableRow(IReadOnlyList<TableCell>? F);

/// <summary>A cell; <paramref name="V"/> is a string, null, a nested row (STRUCT) or an array of cells (REPEATED).</summary>
internal sealed record TableCell(JsonElement V);
