namespace Autopilot.Core.Warehouse.BigQuery.Wire;

internal sealed record JobReference(string? ProjectId, string? JobId, string? Location);

internal sealed record TableReference(string? ProjectId, string? DatasetId, string? TableId);

internal sealed record DatasetReference(string? ProjectId, string? DatasetId);
