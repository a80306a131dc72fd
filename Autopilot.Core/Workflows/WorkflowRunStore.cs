using Autopilot.Core.Api;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Workflows;

/// <summary>Workflow run records, partitioned by tenant; every call is scoped to one tenant.</summary>
public sealed class WorkflowRunStore
{
    private const string ByStartTable = "WorkflowRunsByStart";
    private const string TableName = "WorkflowRuns";
    private readonly TableStorage _storage;

    /// <summary>Runs newest first, for paging (a run's own row is keyed by its id).</summary>
    private readonly NewestFirstIndex _byStart;

    public WorkflowRunStore(TableStorage storage)
    {
        _storage = storage;
        _byStart = new NewestFirstIndex(storage, ByStartTable);
    }

    public async Task CreateAsync(WorkflowRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);

        // The index row first: a crash between the two leaves a pointer to nothing, which listing skips, never a hidden run.
        await _byStart.AddAsync(run.TenantId, run.StartedAt, run.WorkflowId, cancellation);
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, cancellation);
    }

    /// <summary>
    /// Creates the run only if no run has its id (a conditional insert: of replicas racing on one id, exactly one
    /// wins). Returns whether this call created it; the winner then adds the listing row.
    /// </summary>
    public async Task<bool> TryCreateAsync(WorkflowRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await _storage.TableAsync(TableName);
        try
        {
            await table.AddEntityAsync(ToEntity(run), cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }

        await IndexAsync(run, cancellation);
        return true;
    }

    /// <summary>(Re-)adds the run's listing row; idempotent (its key is the run's start time and id).</summary>
    public Task IndexAsync(WorkflowRun run, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _byStart.AddAsync(run.TenantId, run.StartedAt, run.WorkflowId, cancellation);
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

    /// <summary>
    /// One page of the tenant's runs, newest first. Filters apply to the page's runs, so a filtered page may hold fewer
    /// than <see cref="PageQuery.Limit"/> runs and still have a next cursor.
    /// </summary>
    public async Task<ItemPage<WorkflowRun>> ListPageAsync(string tenantId, string? status, string? workflowType, PageQuery page, CancellationToken cancellation)
    {
        var ids = await _byStart.PageAsync(tenantId, page, cancellation);
        var runs = await Task.WhenAll(ids.Items.Select(id => GetAsync(tenantId, id, cancellation)));
        return new ItemPage<WorkflowRun>(
            runs.OfType<WorkflowRun>().Where(r => (status is null || r.Status == status) && (workflowType is null || r.WorkflowType == workflowType)).ToList(),
            ids.NextCursor);
    }

    /// <summary>Marks the run as holding a slot (idempotent: the first admission time is kept).</summary>
    public async Task MarkAdmittedAsync(string tenantId, string workflowId, DateTimeOffset at, CancellationToken cancellation)
    {
        var run = await GetAsync(tenantId, workflowId, cancellation)
            ?? throw new InvalidOperationException($"Workflow run {workflowId} does not exist for its tenant.");
        if (run.Status == WorkflowStatus.Queued || run.AdmittedAt is null)
        {
            await MergeAsync(tenantId, workflowId, new Dictionary<string, object?> { ["status"] = WorkflowStatus.Running, ["admitted_at"] = run.AdmittedAt ?? at }, cancellation);
        }
    }

    /// <summary>Starts another attempt of an existing run (resume/retry): running again, not finished.</summary>
    public Task ReopenAsync(string tenantId, string workflowId, string status, int attempt, string inputJson, CancellationToken cancellation) =>
        MergeAsync(tenantId, workflowId, new Dictionary<string, object?>
        {
            ["input"] = inputJson,
            ["status"] = status,
            ["finished_at"] = null,
            ["error"] = null,
            ["failure_class"] = null,
            ["admitted_at"] = null,
            ["attempts"] = attempt,
        }, cancellation);

    /// <summary>Records how an attempt failed.</summary>
    public Task RecordFailureAsync(string tenantId, string workflowId, string status, DateTimeOffset finishedAt, string error, string failureClass, CancellationToken cancellation) =>
        MergeAsync(tenantId, workflowId, new Dictionary<string, object?>
        {
            ["status"] = status,
            ["finished_at"] = finishedAt,
            ["error"] = error,
            ["failure_class"] = failureClass,
        }, cancellation);

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

    private async Task MergeAsync(string tenantId, string workflowId, IDictionary<string, object?> values, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var patch = new TableEntity(values) { PartitionKey = TableKey.Escape(tenantId), RowKey = TableKey.Escape(workflowId) };
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
        ["admitted_at"] = run.AdmittedAt,
        ["attempts"] = run.Attempts,
        ["failure_class"] = run.FailureClass,
        ["input"] = run.InputJson,
    };

    private static WorkflowRun FromEntity(TableEntity e) => new(
        e.GetString("workflow_id"),
        e.GetString("tenant_id"),
        e.GetString("workflow_type"),
        e.GetString("status"),
        e.GetDateTimeOffset("started_at") ?? default,
        e.GetDateTimeOffset("finished_at"),
        e.GetString("connection_id"),
        e.GetString("error"),
        e.GetDateTimeOffset("admitted_at"),
        e.GetInt32("attempts") ?? 1,
        e.GetString("failure_class"),
        e.GetString("input"));
}
