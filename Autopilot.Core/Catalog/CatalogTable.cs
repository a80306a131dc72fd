namespace Autopilot.Core.Catalog;

/// <summary>A profiled table in a tenant's catalog (PROF-3, with real measurements).</summary>
public sealed record CatalogTable(
    string ConnectionId,
    string Dataset,
    string Table,
    long RowCount,
    long Bytes,
    string? PartitionColumn,
    string? TimeColumn,
    DateTimeOffset? LatestAt,
    double? FreshnessHours,
    IReadOnlyList<DateOnly> MissingDays,
    DateTimeOffset ProfiledAt);
