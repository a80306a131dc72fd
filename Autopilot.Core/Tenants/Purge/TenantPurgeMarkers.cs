using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>The purge markers, one row per tenant ever purged, in one partition, keyed by <see cref="KeyFor"/>.</summary>
public sealed class TenantPurgeMarkers
{
    public const string TableName = "TenantPurges";
    private const string Partition = "purge";
    private readonly TableStorage _storage;

    public TenantPurgeMarkers(TableStorage storage) => _storage = storage;

    /// <summary>The marker's key: a hash, so the row names no tenant once the purge is done.</summary>
    public static string KeyFor(string tenantId) => Ids.Sha256Hex("tenant-purge\n" + tenantId);

    public async Task<TenantPurgeMarker?> GetAsync(string key, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>The tenant a running purge is about; throws once the marker has forgotten it (the purge is finished).</summary>
    public async Task<(TenantPurgeMarker Marker, string TenantId)> TenantAsync(string key, CancellationToken cancellation)
    {
        var marker = await GetAsync(key, cancellation) ?? throw new InvalidOperationException("The purge marker is gone.");
        return (marker, marker.TenantId ?? throw new InvalidOperationException("The purge is finished: its marker names no tenant."));
    }

    /// <summary>Whether the tenant is being purged (or its purge failed verification): its data must not be used.</summary>
    public async Task<bool> BlocksAsync(string tenantId, CancellationToken cancellation) =>
        await GetAsync(KeyFor(tenantId), cancellation) is { Status: not TenantPurgeStatus.Purged };

    /// <summary>
    /// Starts a purge: writes the marker unless one is in progress (then returns that one, so a repeated call joins it).
    /// A finished purge's marker is replaced: the tenant was set up again and is purged anew.
    /// </summary>
    public async Task<(TenantPurgeMarker Marker, bool Started)> BeginAsync(TenantPurgeMarker marker, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(marker);
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, marker.Key, cancellationToken: cancellation);
        if (found.HasValue && FromEntity(found.Value!) is { Status: TenantPurgeStatus.Purging } running)
        {
            return (running, false);
        }

        var entity = ToEntity(marker);
        try
        {
            if (found.HasValue)
            {
                await table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellation);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellation);
            }
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another request began it first: join that one.
            return (await GetAsync(marker.Key, cancellation) ?? marker, false);
        }

        return (marker, true);
    }

    /// <summary>Records the outcome; a verified purge drops the tenant id from the row.</summary>
    public async Task FinishAsync(string key, string status, object result, DateTimeOffset at, CancellationToken cancellation)
    {
        var marker = await GetAsync(key, cancellation) ?? throw new InvalidOperationException("The purge marker is gone.");
        var finished = marker with
        {
            Status = status,
            TenantId = status == TenantPurgeStatus.Purged ? null : marker.TenantId,
            FinishedAt = at,
            ResultJson = JsonSerializer.Serialize(result, result.GetType(), AutopilotJson.Options),
        };
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(ToEntity(finished), TableUpdateMode.Replace, cancellation);
    }

    private static TableEntity ToEntity(TenantPurgeMarker m) => new(Partition, m.Key)
    {
        ["tenant_id"] = m.TenantId,
        ["pseudonym"] = m.Pseudonym,
        ["instance_id"] = m.InstanceId,
        ["status"] = m.Status,
        ["force"] = m.Force,
        ["started_at"] = m.StartedAt,
        ["finished_at"] = m.FinishedAt,
        ["result"] = m.ResultJson,
    };

    private static TenantPurgeMarker FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("tenant_id"),
        e.GetString("pseudonym"),
        e.GetString("instance_id"),
        e.GetString("status"),
        e.GetBoolean("force") ?? false,
        e.GetDateTimeOffset("started_at") ?? default,
        e.GetDateTimeOffset("finished_at"),
        e.GetString("result"));
}
