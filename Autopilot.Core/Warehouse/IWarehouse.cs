namespace Autopilot.Core.Warehouse;

/// <summary>A tenant's data warehouse as profiling sees it: schema introspection and per-table profiles.</summary>
public interface IWarehouse
{
    /// <summary>Connector kind, e.g. <c>duckdb-demo</c>.</summary>
    string Kind { get; }

    Task<WarehouseSchema> IntrospectAsync(CancellationToken ct);

    Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct);

    /// <summary>True when the warehouse answers a trivial query; never throws, false on any failure.</summary>
    Task<bool> PingAsync(CancellationToken ct);
}
