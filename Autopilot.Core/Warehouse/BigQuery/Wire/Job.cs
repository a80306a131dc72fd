namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>Body of <c>jobs.insert</c>; <c>configuration.dryRun</c> asks for statistics without running.</summary>
internal sealed record JobInsertRequest(JobReference JobReference, JobConfiguration Configuration);

internal sealed record JobConfiguration(JobConfigurationQuery Query, bool DryRun, IReadOnlyDictionary<string, string> Labels);

internal sealed record JobConfigurationQuery(string Query, bool UseLegacySql, bool UseQueryCache, string MaximumBytesBilled);

/// <summary>The job resource <c>jobs.insert</c> answers with.</summary>
internal sealed record Job(JobReference? JobReference, JobStatistics? Statistics);

internal sealed record JobStatistics(long? TotalBytesProcessed, QueryStatistics? Query);

internal sealed record QueryStatistics(long? TotalBytesProcessed, string? StatementType, IReadOnlyList<TableReference>? ReferencedTables);
