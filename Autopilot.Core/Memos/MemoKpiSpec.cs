namespace Autopilot.Core.Memos;

/// <summary>
/// One KPI of the memo, written from the catalog's roles: its name and plain-words definition, the query computing its
/// value in both windows (columns <c>current_value</c>, <c>previous_value</c>), the daily series over both windows
/// (<c>day</c>, <c>value</c>, <c>row_count</c>) and one segment query per dimension. All BigQuery SQL, run through the query path.
/// </summary>
/// <param name="Decimals">Rounding of its values: 0 for counts, 2 for money (MEMO-3/4).</param>
/// <param name="Table">The table it reads, <c>dataset.table</c>.</param>
public sealed record MemoKpiSpec(
    string MetricName,
    string Definition,
    int Decimals,
    string Table,
    string ValueSql,
    string SeriesSql,
    IReadOnlyList<MemoSegmentSpec> Segments);
