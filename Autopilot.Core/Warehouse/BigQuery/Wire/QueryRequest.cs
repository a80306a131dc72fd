namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>
/// Body of <c>jobs.query</c>. <paramref name="MaximumBytesBilled"/> is an int64 and so a string on the wire;
/// <paramref name="RequestId"/> makes a retried call idempotent (BigQuery returns the first call's job).
/// </summary>
internal sealed record QueryRequest(
    string Query,
    bool UseLegacySql,
    string MaximumBytesBilled,
    IReadOnlyDictionary<string, string> Labels,
    string Location,
    long TimeoutMs,
    long MaxResults,
    string RequestId)
{
    // An instance member so the serializer writes it; BigQuery reads the kind of every request body.
#pragma warning disable CA1822
    public string Kind => "bigquery#queryRequest";
#pragma warning restore CA1822
}
