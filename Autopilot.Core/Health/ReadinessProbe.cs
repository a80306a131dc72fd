using Autopilot.Core.Dashboards.Metabase;
using Autopilot.Core.Storage;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Caching;

namespace Autopilot.Core.Health;

/// <summary>
/// Checks each dependency with a short timeout. Never throws: a failing probe is reported as ok:false
/// with its error (the seed answered 500, READY-4).
/// </summary>
public sealed class ReadinessProbe
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);
    private readonly TableStorage _storage;
    private readonly WarehouseResolver _warehouses;
    private readonly ServiceOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly RedisConnection _redis;
    private readonly DependencyMonitor _dependencies;

    public ReadinessProbe(TableStorage storage, WarehouseResolver warehouses, ServiceOptions options, IHttpClientFactory http, RedisConnection redis, DependencyMonitor dependencies)
    {
        _dependencies = dependencies;
        _storage = storage;
        _warehouses = warehouses;
        _options = options;
        _http = http;
        _redis = redis;
    }

    /// <summary>
    /// The service's own dependencies, plus the seed's keys (<c>bigquery</c>: <c>mock</c> for the demo warehouse,
    /// <c>live</c> for BigQuery; <c>metabase</c>: <c>mock</c> when none is configured) so seed clients keep working.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DependencyCheck>> CheckAsync(CancellationToken cancellation)
    {
        var storage = Guard("azure-storage", "Table service", ct => _storage.PingAsync(ct), cancellation);
        var warehouse = _options.BigQueryProjectId.Length == 0
            ? Guard("demo", "demo warehouse: a query on the embedded DuckDB file", ct => _warehouses.Demo.PingAsync(ct), cancellation)
            : _options.BigQueryServiceAccountJson.Length == 0
                ? Task.FromResult(UnprobedLiveWarehouse())
                : Guard("live", "BigQuery datasets.list with the service-wide key", PingBigQueryAsync, cancellation);
        var metabase = _options.MetabaseUrl.Length == 0
            ? Task.FromResult(new DependencyCheck(true, "mock", Detail: "METABASE_URL is not set: dashboards are the app's own pages"))
            : Guard("live", "GET /api/user/current with METABASE_API_KEY", PingMetabaseAsync, cancellation);
        var redis = _options.RedisUrl.Length == 0
            ? Task.FromResult(new DependencyCheck(true, "memory", Detail: "REDIS_URL is not set: caches and limiters run in memory"))
            : Guard("redis", "PING", PingRedisAsync, cancellation);
        await Task.WhenAll(storage, warehouse, metabase, redis);
        return new Dictionary<string, DependencyCheck>(StringComparer.Ordinal)
        {
            ["storage"] = storage.Result,
            ["warehouse"] = warehouse.Result,
            ["bigquery"] = warehouse.Result with { Mode = warehouse.Result.Mode == "demo" ? "mock" : "live" },
            ["metabase"] = metabase.Result,
            ["redis"] = redis.Result,
        };
    }

    /// <summary>
    /// BigQuery with no service-wide key: each tenant connects with its own, tested when it connects. Nothing is probed
    /// here; the per-tenant probes admission made (tenants with work) are reported as they stand.
    /// </summary>
    private DependencyCheck UnprobedLiveWarehouse()
    {
        var tenants = _dependencies.KnownWarehouses.Where(w => w.Key.StartsWith(WarehouseResolver.BigQueryWarehouseKind + ":", StringComparison.Ordinal)).ToList();
        var down = tenants.Count(t => !t.Value);
        return new DependencyCheck(down == 0, "live", down == 0 ? null : $"{down} of {tenants.Count} tenant warehouses probed recently did not answer",
            Probed: null,
            Detail: $"not probed now: no service-wide key (BIGQUERY_SERVICE_ACCOUNT_JSON); each tenant's key is tested when it connects, and its warehouse probed while it has work ({tenants.Count} known, {down} unavailable)");
    }

    private static async Task<DependencyCheck> Guard(string mode, string probed, Func<CancellationToken, Task<bool>> probe, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var ok = await probe(timeout.Token).WaitAsync(timeout.Token);
            return new DependencyCheck(ok, mode, ok ? null : "not reachable", probed);
        }
#pragma warning disable CA1031 // Readiness reports failures; it must not throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new DependencyCheck(false, mode, ex switch { OperationCanceledException => "timed out", Workflows.WorkflowStepException step => step.Reason, _ => ex.GetType().Name }, probed);
        }
    }

    /// <summary>READY-3: ok when Metabase answers with success and the body names the key's user (<c>id</c>).</summary>
    private Task<bool> PingMetabaseAsync(CancellationToken cancellation) =>
        new MetabaseClient(_http.CreateClient(MetabaseClient.HttpClientName), new MetabaseOptions(new Uri(_options.MetabaseUrl), _options.MetabaseApiKey))
            .IsKeyValidAsync(cancellation);

    private async Task<bool> PingBigQueryAsync(CancellationToken cancellation)
    {
        using var probe = _warehouses.ForCredentials("readiness", _options.BigQueryServiceAccountJson);
        return await probe.PingAsync(cancellation);
    }

    /// <summary>Redis answers a PING through the service's own fail-fast connection (the one the cache and limiter use).</summary>
    private async Task<bool> PingRedisAsync(CancellationToken cancellation)
    {
        if (await _redis.TryGetDatabaseAsync(cancellation) is not { } database)
        {
            return false;
        }

        await database.PingAsync();
        return true;
    }
}
