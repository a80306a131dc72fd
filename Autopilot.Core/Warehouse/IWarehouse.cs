namespace Autopilot.Core.Warehouse;

/// <summary>A tenant's data warehouse: schema introspection, per-table profiles, and the dry run and execution of admitted queries.</summary>
public interface IWarehouse
{
    /// <summary>Connector kind, e.g. <c>duckdb-demo</c>.</summary>
    string Kind { get; }

    /// <summary>The SQL dialect it runs; the gate refuses functions that dialect's translation does not carry.</summary>
    Sql.SqlDialect Dialect => Sql.SqlDialect.BigQuery;

    Task<WarehouseSchema> IntrospectAsync(CancellationToken ct);

    Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct);

    /// <summary>True when the warehouse answers a trivial query; never throws, false on any failure.</summary>
    Task<bool> PingAsync(CancellationToken ct);

    /// <summary>
    /// A customer's live warehouse (queries cost money and touch their data; ALLOW_REAL_QUERY_EXECUTION governs them)
    /// as opposed to the embedded demo warehouse.
    /// </summary>
    bool IsLive { get; }

    /// <summary>Validates a query the SQL gate admitted and estimates what it would read, without running it.</summary>
    Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct);

    /// <summary>Runs a query the SQL gate admitted (BigQuery dialect), within the context's timeout, byte cap and row cap.</summary>
    Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct);
}
