using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Connectors;

/// <summary>Tenant connections, one partition per tenant; credentials encrypted with <see cref="CredentialProtector"/>.</summary>
public sealed partial class ConnectionStore
{
    private const string TableName = "Connections";
    private readonly TableStorage _storage;
    private readonly CredentialProtector _protector;
    private readonly TimeProvider _time;
    private readonly ConnectedTenantIndex _connected;

    public ConnectionStore(TableStorage storage, CredentialProtector protector, TimeProvider time)
    {
        _storage = storage;
        _protector = protector;
        _time = time;
        _connected = new ConnectedTenantIndex(storage);
    }

    /// <summary>Tenants that may have an active connection (check each with <see cref="GetAsync"/>: a row can be stale).</summary>
    public IAsyncEnumerable<string> ConnectedTenantsAsync(CancellationToken cancellation) => _connected.ListAsync(cancellation);

    /// <summary>Lists every tenant with an active connection in the connected-tenant index, once per store (see <see cref="ConnectedTenantIndex.BackfillOnceAsync"/>).</summary>
    public Task<int> BackfillConnectedTenantsAsync(CancellationToken cancellation) => _connected.BackfillOnceAsync(ActiveTenantsAsync, cancellation);

    public static string IdFor(string tenantId) => $"conn_{tenantId}";

    /// <summary>Tenants whose connection row is active, by a scan of every partition (only the one-off backfill does this).</summary>
    private async IAsyncEnumerable<string> ActiveTenantsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"status eq {ConnectionStatus.Active}"),
            select: ["tenant_id"], cancellationToken: cancellation))
        {
            yield return entity.GetString("tenant_id");
        }
    }

    public async Task<Connection?> GetAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(connectionId), cancellationToken: cancellation);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>Creates or re-activates the connection with new credentials. Returns whether it was created.</summary>
    public async Task<(Connection Connection, bool Created)> ConnectAsync(string tenantId, string connectionId, string warehouse, string? credentialsJson, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var existing = await GetAsync(tenantId, connectionId, cancellation);
        await _connected.AddAsync(tenantId, cancellation);
        var now = _time.GetUtcNow();
        var entity = new TableEntity(TableKey.Escape(tenantId), TableKey.Escape(connectionId))
        {
            ["connection_id"] = connectionId,
            ["tenant_id"] = tenantId,
            ["kind"] = "bigquery",
            ["status"] = ConnectionStatus.Active,
            ["warehouse"] = warehouse,
            ["credentials"] = string.IsNullOrEmpty(credentialsJson) ? null : _protector.Protect(credentialsJson, tenantId, connectionId),
            ["created_at"] = existing?.CreatedAt ?? now,
            ["updated_at"] = now,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellation);
        return (FromEntity(entity), existing is null);
    }

    /// <summary>Marks the connection disconnected and erases its credentials (CONN-5.3).</summary>
    public async Task<Connection?> DisconnectAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(connectionId), cancellationToken: cancellation);
        if (!found.HasValue)
        {
            return null;
        }

        var entity = found.Value!;
        entity["status"] = ConnectionStatus.Disconnected;
        entity["credentials"] = null;
        entity["updated_at"] = _time.GetUtcNow();
        await table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Replace, cancellation);
        await _connected.RemoveAsync(tenantId, cancellation);
        return FromEntity(entity);
    }

    /// <summary>The decrypted credentials of an active connection, or null.</summary>
    public async Task<string?> ReadCredentialsAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(connectionId), cancellationToken: cancellation);
        if (!found.HasValue || found.Value!.GetString("status") != ConnectionStatus.Active || found.Value.GetString("credentials") is not { } cipher)
        {
            return null;
        }

        return _protector.Unprotect(cipher, tenantId, connectionId);
    }

    private static Connection FromEntity(TableEntity e) => new(
        e.GetString("connection_id"),
        e.GetString("tenant_id"),
        e.GetString("kind"),
        e.GetString("status"),
        e.GetString("warehouse"),
        !string.IsNullOrEmpty(e.GetString("credentials")),
        e.GetDateTimeOffset("created_at") ?? default,
        e.GetDateTimeOffset("updated_at") ?? default);
}
