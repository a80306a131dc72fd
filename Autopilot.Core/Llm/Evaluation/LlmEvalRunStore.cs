using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// Evaluation runs, one row each in the tenant's partition, keyed newest first (inverted ticks), so
/// <c>GET /api/v1/llm/eval-runs</c> reads the head of one partition. A purge deletes the partition.
/// </summary>
public sealed class LlmEvalRunStore
{
    public const string TableName = "LlmEvalRuns";
    private readonly TableStorage _storage;

    public LlmEvalRunStore(TableStorage storage) => _storage = storage;

    public async Task AddAsync(LlmEvalRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await _storage.TableAsync(TableName);
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - run.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + run.RunId;
        await table.AddEntityAsync(new TableEntity(TableKey.Escape(run.TenantId), rowKey)
        {
            ["run_id"] = run.RunId,
            ["task_type"] = run.TaskType,
            ["started_at"] = run.StartedAt,
            ["body"] = run.Body.ToJsonString(),
        }, cancellation);
    }

    /// <summary>The tenant's newest <paramref name="limit"/> runs, of <paramref name="taskType"/> when given.</summary>
    public async Task<IReadOnlyList<LlmEvalRun>> ListAsync(string tenantId, string? taskType, int limit, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        if (taskType is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"task_type eq {taskType}");
        }

        var runs = new List<LlmEvalRun>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellation))
        {
            runs.Add(new LlmEvalRun(e.GetString("run_id") ?? string.Empty, tenantId, e.GetString("task_type") ?? string.Empty,
                e.GetDateTimeOffset("started_at") ?? DateTimeOffset.MinValue, JsonNode.Parse(e.GetString("body") ?? "{}") as JsonObject ?? []));
            if (runs.Count >= limit)
            {
                break;
            }
        }

        return runs;
    }
}
