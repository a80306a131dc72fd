namespace Autopilot.Core.Memos;

/// <summary>
/// The facts a memo may state (MEMO-7, with <see cref="TopSegments"/> filled and a definition per KPI): what the writer
/// reads and what validation checks every number against. <see cref="GeneratedAt"/> is ISO-8601 with a trailing Z.
/// </summary>
public sealed record MemoPacket(
    string GeneratedAt,
    MemoPacketWindow TimeWindow,
    IReadOnlyList<MemoKpi> Kpis,
    IReadOnlyList<MemoSegment> TopSegments,
    IReadOnlyList<string> AnomalyNotes);
