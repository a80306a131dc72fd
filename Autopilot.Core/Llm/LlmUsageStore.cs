using System.Globalization;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Llm;

/// <summary>
/// Every language-model call, one row each in the tenant's partition, keyed by time (so a month is one key range: what
/// the budget reads). Rows are only ever added; a purge deletes the partition.
/// </summary>
public sealed class LlmUsageStore
{
    private const string TableName = "LlmUsage";
    private readonly TableStorage _storage;

    public LlmUsageStore(TableStorage storage) => _storage = storage;

    public async Task AddAsync(LlmUsage usage, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var table = await _storage.TableAsync(TableName);
        var entity = new TableEntity(TableKey.Escape(usage.TenantId), RowKey(usage.At) + "-" + Guid.NewGuid().ToString("N")[..8])
        {
            ["task"] = usage.Task,
            ["provider"] = usage.Provider,
            ["model"] = usage.Model,
            ["input_tokens"] = usage.InputTokens,
            ["output_tokens"] = usage.OutputTokens,
            ["latency_ms"] = usage.LatencyMs,
            ["cost_usd"] = usage.CostUsd.ToString(CultureInfo.InvariantCulture),
            ["succeeded"] = usage.Succeeded,
            ["error"] = usage.Error,
            ["at"] = usage.At,
        };
        await table.AddEntityAsync(entity, cancellation);
    }

    /// <summary>The tenant's calls in [from, to), oldest first; all of them when both are null.</summary>
    public async Task<IReadOnlyList<LlmUsage>> ListAsync(string tenantId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        if (from is { } start)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {RowKey(start)}");
        }

        if (to is { } end)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {RowKey(end)}");
        }

        var rows = new List<LlmUsage>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            rows.Add(new LlmUsage(
                tenantId,
                e.GetString("task") ?? LlmTasks.Unknown,
                e.GetString("provider") ?? string.Empty,
                e.GetString("model") ?? string.Empty,
                e.GetInt64("input_tokens") ?? 0,
                e.GetInt64("output_tokens") ?? 0,
                e.GetDouble("latency_ms") ?? 0,
                decimal.Parse(e.GetString("cost_usd") ?? "0", CultureInfo.InvariantCulture),
                e.GetBoolean("succeeded") ?? false,
                e.GetString("error"),
                e.GetDateTimeOffset("at") ?? DateTimeOffset.MinValue));
        }

        return rows;
    }

    private static string RowKey(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
