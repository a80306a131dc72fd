using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Queries;

/// <summary>A query that ran (or came from the cache): rows with PII redacted unless shown by approval, and what it cost.</summary>
public sealed record QueryOutcome(
    IReadOnlyList<QueryColumn> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    long ActualBytes,
    bool Truncated,
    bool CacheHit,
    IReadOnlyList<string> RedactedColumns);
