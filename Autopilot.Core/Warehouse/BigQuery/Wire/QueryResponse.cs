namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>
/// Answer of <c>jobs.query</c> and <c>jobs.getQueryResults</c>: <paramref name="JobComplete"/> false means no schema and
/// no rows yet; a <paramref name="PageToken"/> means more rows.
/// </summary>
internal sealed record QueryResponse(
    JobReference? JobReference,
    bool? JobComplete,
    TableSchema? Schema,
    IReadOnlyList<TableRow>? Rows,
    string? PageToken,
    long? TotalRows,
    long? TotalBytesProcessed);
