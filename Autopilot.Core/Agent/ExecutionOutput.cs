using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Agent;

/// <summary>What the executor produced: the rows (PII redacted), what they cost, and the hash of the output for provenance.</summary>
public sealed record ExecutionOutput(
    IReadOnlyList<QueryColumn> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    long BytesScanned,
    bool Truncated,
    bool CacheHit,
    IReadOnlyList<string> RedactedColumns,
    string OutputHash,
    int Attempts);
