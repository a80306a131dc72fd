namespace Autopilot.Core.Warehouse;

/// <summary>
/// Profile of one column. <paramref name="NullPct"/> is a percentage (0–100). <paramref name="Min"/> and
/// <paramref name="Max"/> are invariant strings for numeric, boolean and temporal columns only — never for text,
/// which may hold personal data. <paramref name="ValueMatch"/> is set for text columns whose sampled values
/// matched a PII pattern.
/// </summary>
public sealed record ColumnProfile(
    string Name,
    string DataType,
    double NullPct,
    long DistinctCount,
    string? Min,
    string? Max,
    PiiValueMatch? ValueMatch);
