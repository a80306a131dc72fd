using System.Text.Json.Nodes;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// A card's outcome: its rows (at most <see cref="RunDashboardCardActivity.MaxRows"/>), or why it has none, with the
/// SQL that ran, its stable hash (SHA-256 of the SQL) and the tables it read, for lineage.
/// </summary>
public sealed record CardResult(
    string DashboardKey,
    DashboardCardSpec Card,
    string Status,
    string? Reason,
    string? ExecutedSql,
    string QueryHash,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<JsonNode?>> Rows,
    long BytesProcessed,
    bool Truncated);
