using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Dead letters, one row per (tenant, workflow): writing the same dead letter twice leaves one row. A newest-first
/// index (inverted creation time, then workflow id) pages a tenant's dead letters and makes date ranges key ranges.
/// Failed attempts are kept per workflow in a history row until the workflow is dead-lettered.
/// </summary>
public sealed class DeadLetterStore
{
    private const string ByCreationTable = "DeadLettersByCreation";
    private const string TableName = "DeadLetters";
    private const string HistoryTable = "WorkflowFailures";
    private readonly TableStorage _storage;
    private readonly NewestFirstIndex _byCreation;

    public DeadLetterStore(TableStorage storage)
    {
        _storage = storage;
        _byCreation = new NewestFirstIndex(storage, ByCreationTable);
    }

    /// <summary>Appends one failed attempt to the workflow's error history (idempotent per attempt).</summary>
    public async Task<IReadOnlyList<DeadLetterError>> RecordFailureAsync(string tenantId, string workflowId, DeadLetterError error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(error);
        var table = await _storage.TableAsync(HistoryTable);
        var row = $"{TableKey.Escape(workflowId)}|{error.Attempt.ToString("D5", CultureInfo.InvariantCulture)}";
        await table.UpsertEntityAsync(
            new TableEntity(TableKey.Escape(tenantId), row) { ["workflow_id"] = workflowId, ["data"] = JsonSerializer.Serialize(error, AutopilotJson.Options) },
            TableUpdateMode.Replace,
            cancellation);
        return await HistoryAsync(tenantId, workflowId, cancellation);
    }

    public async Task<IReadOnlyList<DeadLetterError>> HistoryAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(HistoryTable);
        var prefix = TableKey.Escape(workflowId) + "|";
        var errors = new List<DeadLetterError>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            errors.Add(JsonSerializer.Deserialize<DeadLetterError>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return errors.OrderBy(e => e.Attempt).ToList();
    }

    /// <summary>Stores the dead letter unless the workflow already has one; returns the stored one.</summary>
    public async Task<DeadLetter> AddAsync(DeadLetter letter, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var existing = await FindByWorkflowAsync(letter.TenantId, letter.WorkflowId, cancellation);
        if (existing is { Status: "dead_letter" })
        {
            return existing;
        }

        // Index first (a pointer to nothing is skipped when listing); a re-dead-lettered workflow moves to its new time.
        await _byCreation.AddAsync(letter.TenantId, letter.CreatedAt, letter.WorkflowId, cancellation);
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(letter with { DeadLetterId = existing?.DeadLetterId ?? letter.DeadLetterId }), TableUpdateMode.Replace, cancellation);
        if (existing is not null && existing.CreatedAt != letter.CreatedAt)
        {
            await _byCreation.RemoveAsync(letter.TenantId, existing.CreatedAt, letter.WorkflowId, cancellation);
        }

        return letter;
    }

    public async Task<DeadLetter?> FindByWorkflowAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(workflowId), cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>A tenant's dead letters, newest first, optionally within [from, to).</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string tenantId, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}");
        if (from is { } f)
        {
            filter += " and " + TableClient.CreateQueryFilter($"created_at ge {f}");
        }

        if (to is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"created_at lt {t}");
        }

        var letters = new List<DeadLetter>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            letters.Add(FromEntity(entity));
        }

        return letters.OrderByDescending(l => l.CreatedAt).ToList();
    }

    /// <summary>One page of the tenant's dead letters, newest first, optionally created within [from, to).</summary>
    public async Task<ItemPage<DeadLetter>> ListPageAsync(string tenantId, DateTimeOffset? from, DateTimeOffset? to, PageQuery page, CancellationToken cancellation)
    {
        var ids = await _byCreation.PageAsync(tenantId, page, cancellation, from, to);
        var letters = await Task.WhenAll(ids.Items.Select(id => FindByWorkflowAsync(tenantId, id, cancellation)));
        return new ItemPage<DeadLetter>(letters.OfType<DeadLetter>().ToList(), ids.NextCursor);
    }

    public async Task MarkRequeuedAsync(string tenantId, string workflowId, DateTimeOffset at, CancellationToken cancellation)
    {
        var letter = await FindByWorkflowAsync(tenantId, workflowId, cancellation)
            ?? throw new InvalidOperationException($"No dead letter for {workflowId}.");
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(letter with { Status = "requeued", RequeuedAt = at }), TableUpdateMode.Replace, cancellation);

        // A re-queued workflow starts a fresh cycle of attempts.
        var history = await _storage.TableAsync(HistoryTable);
        var prefix = TableKey.Escape(workflowId) + "|";
        var stale = new List<TableTransactionAction>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
        await foreach (var entity in history.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellation))
        {
            stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
        }

        await TableBatch.SubmitChunkedAsync(history, stale, cancellation);
    }

    private static TableEntity ToEntity(DeadLetter letter) => new(TableKey.Escape(letter.TenantId), TableKey.Escape(letter.WorkflowId))
    {
        ["dead_letter_id"] = letter.DeadLetterId,
        ["created_at"] = letter.CreatedAt,
        ["status"] = letter.Status,
        ["data"] = JsonSerializer.Serialize(letter, AutopilotJson.Options),
    };

    private static DeadLetter FromEntity(TableEntity entity) => JsonSerializer.Deserialize<DeadLetter>(entity.GetString("data"), AutopilotJson.Options)!;
}
