using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Feedback;

/// <summary>Feedback rows, one per record in the tenant's partition; the resolve fields are the only thing ever rewritten.</summary>
public sealed class FeedbackStore
{
    private const string TableName = "Feedback";
    private readonly TableStorage _storage;

    public FeedbackStore(TableStorage storage) => _storage = storage;

    public async Task AddAsync(FeedbackRecord record, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await _storage.TableAsync(TableName);
        await table.AddEntityAsync(ToEntity(record), cancellation);
    }

    public async Task<FeedbackRecord?> GetAsync(string tenantId, string feedbackId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(feedbackId), cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>Every record of the tenant, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> ListAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var records = new List<FeedbackRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}"), cancellationToken: cancellation))
        {
            records.Add(FromEntity(entity));
        }

        return records.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Sets the resolve fields (FB-5: resolving twice is allowed and moves them); null when the record is unknown.</summary>
    public async Task<FeedbackRecord?> ResolveAsync(string tenantId, string feedbackId, string resolvedBy, DateTimeOffset at, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(feedbackId), cancellationToken: cancellation);
        if (!found.HasValue)
        {
            return null;
        }

        var resolved = FromEntity(found.Value!) with { Resolved = true, ResolvedAt = at, ResolvedBy = resolvedBy };
        await table.UpdateEntityAsync(ToEntity(resolved), found.Value!.ETag, TableUpdateMode.Replace, cancellation);
        return resolved;
    }

    private static TableEntity ToEntity(FeedbackRecord record) =>
        new(TableKey.Escape(record.TenantId), TableKey.Escape(record.Id)) { ["data"] = JsonSerializer.Serialize(record, AutopilotJson.Options) };

    private static FeedbackRecord FromEntity(TableEntity entity) =>
        JsonSerializer.Deserialize<FeedbackRecord>(entity.GetString("data"), AutopilotJson.Options)!;
}
