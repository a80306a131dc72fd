namespace Autopilot.Core.Warehouse;

/// <summary>
/// Typed rows of a query, keyed by column name. Values are <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>,
/// <see cref="bool"/>, <see cref="string"/>, <see cref="DateTimeOffset"/> (TIMESTAMP), <see cref="DateOnly"/> (DATE),
/// <see cref="byte"/>[] (BYTES), lists (ARRAY) and dictionaries (STRUCT), or null. <paramref name="Truncated"/> is true
/// when the query produced more rows than the context's row cap; <paramref name="JobId"/> identifies the warehouse job,
/// when there was one.
/// </summary>
public sealed record QueryResult(
    IReadOnlyList<QueryColumn> Columns,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    long BytesProcessed,
    bool Truncated,
    string? JobId);
