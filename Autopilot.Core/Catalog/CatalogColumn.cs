namespace Autopilot.Core.Catalog;

/// <summary>A profiled column with its PII tag (PROF-4, PII-1 with value evidence).</summary>
public sealed record CatalogColumn(
    string ConnectionId,
    string Dataset,
    string Table,
    string Column,
    string DataType,
    double NullPct,
    long DistinctCount,
    string? Min,
    string? Max,
    string? PiiType,
    int PiiConfidence,
    bool IsPii,
    string? PiiEvidence);
