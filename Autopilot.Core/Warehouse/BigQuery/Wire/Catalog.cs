namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>A page of <c>datasets.list</c>.</summary>
internal sealed record DatasetList(IReadOnlyList<DatasetListItem>? Datasets, string? NextPageToken);

internal sealed record DatasetListItem(DatasetReference? DatasetReference, string? Location);

/// <summary>A page of <c>tables.list</c>.</summary>
internal sealed record TableList(IReadOnlyList<TableListItem>? Tables, string? NextPageToken);

internal sealed record TableListItem(TableReference? TableReference, string? Type);

/// <summary>The table resource of <c>tables.get</c>; <paramref name="NumRows"/> and <paramref name="NumBytes"/> are absent for views.</summary>
internal sealed record Table(
    TableReference? TableReference,
    string? Type,
    TableSchema? Schema,
    long? NumRows,
    long? NumBytes,
    TimePartitioning? TimePartitioning);

/// <summary>Time partitioning: by <paramref name="Field"/>, or by ingestion time (pseudo column <c>_PARTITIONTIME</c>) when it is absent.</summary>
internal sealed record TimePartitioning(string? Type, string? Field);
