using Autopilot.Core.Connectors;

namespace Autopilot.Core.Warehouse;

/// <summary>Finds the warehouse behind a tenant's connection. The demo warehouse serves tenants bound to it (CONN-10).</summary>
public sealed class WarehouseResolver
{
    public const string DemoWarehouse = "duckdb-demo";

    private readonly ConnectionStore _connections;
    private readonly IWarehouse _demo;

    public WarehouseResolver(ConnectionStore connections, IWarehouse demo)
    {
        _connections = connections;
        _demo = demo;
    }

    public IWarehouse Demo => _demo;

    public async Task<IWarehouse> ForConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation)
    {
        var connection = await _connections.GetAsync(tenantId, connectionId, cancellation);
        return connection?.Warehouse switch
        {
            null or DemoWarehouse => _demo,
            var other => throw new NotSupportedException($"Warehouse '{other}' is not available in this build; only the demo warehouse is."),
        };
    }
}
