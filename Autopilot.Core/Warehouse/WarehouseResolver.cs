using System.Collections.Concurrent;
using System.Security.Cryptography;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Core.Warehouse.BigQuery;
using Autopilot.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// Finds the warehouse behind a tenant's connection: the embedded demo warehouse (no BigQuery project configured,
/// CONN-10), or the tenant's BigQuery project with its own service account (decrypted only here, kept in memory only).
/// </summary>
public sealed class WarehouseResolver
{
    public const string DemoWarehouse = "duckdb-demo";
    public const string BigQueryWarehouseKind = "bigquery";

    private readonly ConnectionStore _connections;
    private readonly IWarehouse _demo;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<string, (string CredentialHash, BigQueryWarehouse Warehouse)> _live = new(StringComparer.Ordinal);

    public WarehouseResolver(ConnectionStore connections, IWarehouse demo, ServiceOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _connections = connections;
        _demo = new Telemetry.TracedWarehouse(demo);
        _options = options;
        _time = time;
        _loggers = loggers;
    }

    public IWarehouse Demo => _demo;

    /// <summary>What a new connection binds to: BigQuery when a project is configured, else the demo warehouse.</summary>
    public string DefaultWarehouse => _options.BigQueryProjectId.Length == 0 ? DemoWarehouse : BigQueryWarehouseKind;

    public async Task<IWarehouse> ForConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var connection = await _connections.GetAsync(tenantId, connectionId, cancellation);
        var kind = connection?.Warehouse ?? DefaultWarehouse;
        if (kind == DemoWarehouse)
        {
            return _demo;
        }

        if (kind != BigQueryWarehouseKind || _options.BigQueryProjectId.Length == 0)
        {
            throw new WorkflowStepException(FailureClass.ValidationFailed, $"warehouse '{kind}' is not configured on this service");
        }

        string? stored;
        try
        {
            stored = await _connections.ReadCredentialsAsync(tenantId, connectionId, cancellation);
        }
        catch (CryptographicException unreadable)
        {
            // A key id that is not configured (or a damaged row) is an operator's fix, not a retry: say which, never what.
            throw new WorkflowStepException(FailureClass.PermissionDenied, "credentials_unreadable: " + (unreadable is CredentialKeyNotConfiguredException ? unreadable.Message : "stored credentials do not decrypt with the configured keys; reconnect the connector"), unreadable);
        }

        var credentials = stored
            ?? (_options.BigQueryServiceAccountJson.Length > 0 ? _options.BigQueryServiceAccountJson : null)
            ?? throw new WorkflowStepException(FailureClass.PermissionDenied, "missing_connection_credentials: connect a BigQuery service account first");
        var hash = Ids.Sha256Hex(credentials);
        var key = $"{tenantId}\n{connectionId}";
        if (_live.TryGetValue(key, out var cached) && cached.CredentialHash == hash)
        {
            return new Telemetry.TracedWarehouse(cached.Warehouse);
        }

        var created = ForCredentials(tenantId, credentials);
        _live[key] = (hash, created);
        if (cached.Warehouse is not null)
        {
            cached.Warehouse.Dispose(); // the tenant reconnected with other credentials
        }

        return new Telemetry.TracedWarehouse(created);
    }

    /// <summary>A BigQuery warehouse for a connection test (the caller disposes it).</summary>
    public BigQueryWarehouse ForCredentials(string tenantId, string? serviceAccountJson) =>
        new(new BigQueryOptions(_options.BigQueryProjectId, _options.BigQueryLocation, serviceAccountJson, _options.BigQueryEndpoint) { TenantId = tenantId },
            _time, _loggers.CreateLogger<BigQueryWarehouse>());
}
