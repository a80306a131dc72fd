using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Workflows;

/// <summary>Workflow run records, partitioned by tenant; every call is scoped to one tenant.</summary>
public sealed class WorkflowRunStore
{
    private const string TableName = "WorkflowRuns";
    private readonly TableStorage _storage;

    public WorkflowRunStore(TableStorage storage) => _storage = storage;

    public async Task CreateAsync(WorkflowRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, cancellation);
    }

    public async Task<WorkflowRun?> GetAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(workflowId), cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    public async Task<IReadOnlyList<WorkflowRun>> ListAsync(string tenantId, string? status, string? workflowType, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"status eq {status}");
        }

        if (workflowType is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"workflow_type eq {workflowType}");
        }

        var runs = new List<WorkflowRun>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            runs.Add(FromEntity(entity));
        }

        return runs.OrderByDescending(r => r.StartedAt).ToList();
    }

    /// <summary>Sets a final (or running) status. Repeating it is harmless, so activities may call it again after a crash.</summary>
    public async Task SetStatusAsync(string tenantId, string workflowId, string status, DateTimeOffset? finishedAt, string? error, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var patch = new TableEntity(TableKey.Escape(tenantId), TableKey.Escape(workflowId))
        {
            ["status"] = status,
            ["finished_at"] = finishedAt,
            ["error"] = error,
        };
        try
        {
            await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException($"Workflow run {workflowId} does not exist for its tenant.", ex);
        }
    }

    private static TableEntity ToEntity(WorkflowRun run) => new(TableKey.Escape(run.TenantId), TableKey.Escape(run.WorkflowId))
    {
        ["workflow_id"] = run.WorkflowId,
        ["tenant_id"] = run.TenantId,
        ["workflow_type"] = run.WorkflowType,
        ["status"] = run.Status,
        ["started_at"] = run.StartedAt,
        ["finished_at"] = run.FinishedAt,
        ["connection_id"] = run.ConnectionId,
        ["error"] = run.Error,
    };

    private static WorkflowRun FromEntity(TableEntity e) => new(
        e.GetString("workflow_id"),
        e.GetString("tenant_id"),
        e.GetString("workflow_type"),
        e.GetString("status"),
        e.GetDateTimeOffset("started_at") ?? default,
        e.GetDateTimeOffset("finished_at"),
        e.GetString("connection_id"),
        e.GetString("error"));
}
