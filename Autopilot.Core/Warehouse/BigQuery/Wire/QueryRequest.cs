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
    public string Kind => "bigquery#queryRequest";
}
