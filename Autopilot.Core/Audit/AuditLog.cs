using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Audit;

/// <summary>
/// The append-only audit trail (AUD-1). There is deliberately no update or delete here: rows are added, and read.
/// Rows sort newest first within a tenant's partition.
/// </summary>
public sealed class AuditLog
{
    public const string TableName = "Audit";
    private const string DedupePrefix = "~dedupe-";

    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public AuditLog(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    /// <summary>Appends a row.</summary>
    public Task AppendAsync(string tenantId, string eventType, object payload, CancellationToken cancellation) =>
        AppendCoreAsync(tenantId, eventType, payload, idempotencyKey: null, cancellation);

    /// <summary>
    /// Appends a row at most once per <paramref name="idempotencyKey"/> — for activities, which the engine may run twice.
    /// A marker row and the audit row go in one transaction; a repeat conflicts on the marker and adds nothing.
    /// </summary>
    public Task AppendOnceAsync(string tenantId, string eventType, object payload, string idempotencyKey, CancellationToken cancellation) =>
        AppendCoreAsync(tenantId, eventType, payload, idempotencyKey, cancellation);

    public async Task<IReadOnlyList<AuditEvent>> ListAsync(string tenantId, string? eventType, int max, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {"~"}");
        if (eventType is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"event_type eq {eventType}");
        }

        var events = new List<AuditEvent>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellation))
        {
            events.Add(new AuditEvent(
                entity.GetString("id"),
                entity.GetString("tenant_id"),
                entity.GetString("event_type"),
                JsonNode.Parse(entity.GetString("payload"))?.AsObject() ?? [],
                entity.GetDateTimeOffset("created_at") ?? entity.Timestamp ?? default));
            if (events.Count >= max)
            {
                break;
            }
        }

        return events;
    }

    private async Task AppendCoreAsync(string tenantId, string eventType, object payload, string? idempotencyKey, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var now = _time.GetUtcNow();
        var id = Ids.New("aud");
        var partition = TableKey.Escape(tenantId);
        var row = new TableEntity(partition, $"{(DateTimeOffset.MaxValue.Ticks - now.Ticks).ToString("D19", CultureInfo.InvariantCulture)}-{id}")
        {
            ["id"] = id,
            ["tenant_id"] = tenantId,
            ["event_type"] = eventType,
            ["payload"] = JsonSerializer.Serialize(payload, payload.GetType(), AutopilotJson.Options),
            ["created_at"] = now,
        };

        if (idempotencyKey is null)
        {
            await table.AddEntityAsync(row, cancellation);
            return;
        }

        var marker = new TableEntity(partition, DedupePrefix + Ids.Sha256Hex(idempotencyKey)) { ["audit_row"] = row.RowKey };
        try
        {
            await TableBatch.SubmitAtomicAsync(table, [new(TableTransactionActionType.Add, marker), new(TableTransactionActionType.Add, row)], cancellation);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Already recorded by an earlier attempt of the same work.
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
        }
    }
}
