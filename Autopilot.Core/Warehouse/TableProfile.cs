namespace Autopilot.Core.Warehouse;

/// <summary>
/// Profile of one table. <paramref name="TimeColumn"/> is the table's partition column (null when it has none, and
/// then <paramref name="LatestAt"/>, <paramref name="FreshnessHours"/> are null and <paramref name="MissingDays"/> empty);
/// <paramref name="FreshnessHours"/> runs from <paramref name="LatestAt"/> to the warehouse's clock, never below 0;
/// <paramref name="MissingDays"/> are UTC dates inside the last 90 days, between the first and last day with data,
/// that have no rows.
/// </summary>
public sealed record TableProfile(
    string Dataset,
    string Table,
    long RowCount,
    string? TimeColumn,
    DateTimeOffset? LatestAt,
    double? FreshnessHours,
    IReadOnlyList<DateOnly> MissingDays,
    IReadOnlyList<ColumnProfile> Columns);
