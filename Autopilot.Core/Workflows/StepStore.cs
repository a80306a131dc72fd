using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Workflows;

/// <summary>Step states of workflow runs, one row per (workflow, step, input hash) in the tenant's partition.</summary>
public sealed class StepStore
{
    private const string TableName = "WorkflowSteps";
    private static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public StepStore(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    public async Task<StepState?> GetAsync(string tenantId, string workflowId, string step, string inputHash, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), RowKey(workflowId, step, inputHash), cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>Records that the step's work starts: status running, attempts + 1 (optimistic concurrency on the row).</summary>
    public async Task<StepState> BeginAsync(string tenantId, string workflowId, string step, string inputHash, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        var rowKey = RowKey(workflowId, step, inputHash);
        while (true)
        {
            var now = _time.GetUtcNow();
            var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellation);
            try
            {
                if (!found.HasValue)
                {
                    var entity = new TableEntity(partition, rowKey)
                    {
                        ["workflow_id"] = workflowId,
                        ["step"] = step,
                        ["input_hash"] = inputHash,
                        ["status"] = StepStatus.Running,
                        ["attempts"] = 1,
                        ["started_at"] = now,
                        ["executed_by"] = Worker,
                    };
                    await table.AddEntityAsync(entity, cancellation);
                    return FromEntity(entity);
                }

                var existing = found.Value!;
                existing["status"] = StepStatus.Running;
                existing["attempts"] = (existing.GetInt32("attempts") ?? 0) + 1;
                existing["started_at"] = now;
                existing["finished_at"] = null;
                existing["error"] = null;
                existing["executed_by"] = Worker;
                await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellation);
                return FromEntity(existing);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another attempt touched the row between read and write: read again.
            }
        }
    }

    /// <summary>Records the step's outcome. Repeating the same outcome is harmless.</summary>
    public async Task FinishAsync(string tenantId, string workflowId, string step, string inputHash, string status, string? outputJson, string? error, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var patch = new TableEntity(TableKey.Escape(tenantId), RowKey(workflowId, step, inputHash))
        {
            ["workflow_id"] = workflowId,
            ["step"] = step,
            ["input_hash"] = inputHash,
            ["status"] = status,
            ["output"] = outputJson,
            ["output_hash"] = outputJson is null ? null : Ids.Sha256Hex(outputJson),
            ["finished_at"] = _time.GetUtcNow(),
            ["error"] = error,
        };
        await table.UpsertEntityAsync(patch, TableUpdateMode.Merge, cancellation);
    }

    /// <summary>All step states of one run, in the order they started.</summary>
    public async Task<IReadOnlyList<StepState>> ListAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var prefix = TableKey.Escape(workflowId) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        var steps = new List<StepState>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            steps.Add(FromEntity(entity));
        }

        return steps.OrderBy(s => s.StartedAt).ToList();
    }

    private static string RowKey(string workflowId, string step, string inputHash) =>
        $"{TableKey.Escape(workflowId)}|{TableKey.Escape(step)}|{inputHash}";

    private static StepState FromEntity(TableEntity e) => new(
        e.GetString("workflow_id"),
        e.GetString("step"),
        e.GetString("input_hash"),
        e.GetString("status"),
        e.GetString("output"),
        e.GetString("output_hash"),
        e.GetInt32("attempts") ?? 0,
        e.GetDateTimeOffset("started_at") ?? default,
        e.GetDateTimeOffset("finished_at"),
        e.GetString("error"),
        e.GetString("executed_by"));
}
