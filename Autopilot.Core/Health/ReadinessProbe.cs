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

    public ReadinessProbe(TableStorage storage, WarehouseResolver warehouses, ServiceOptions options, IHttpClientFactory http, RedisConnection redis)
    {
        _storage = storage;
        _warehouses = warehouses;
        _options = options;
        _http = http;
        _redis = redis;
    }

    public async Task<IReadOnlyDictionary<string, DependencyCheck>> CheckAsync(CancellationToken cancellation)
    {
        var storage = Guard("azure-storage", ct => _storage.PingAsync(ct), cancellation);
        var warehouse = _options.BigQueryProjectId.Length == 0
            ? Guard("demo", ct => _warehouses.Demo.PingAsync(ct), cancellation)
            : _options.BigQueryServiceAccountJson.Length == 0
                ? Task.FromResult(new DependencyCheck(true, "live"))
                : Guard("live", PingBigQueryAsync, cancellation);
        var metabase = _options.MetabaseUrl.Length == 0
            ? Task.FromResult(new DependencyCheck(true, "embedded"))
            : Guard("live", PingMetabaseAsync, cancellation);
        var redis = _options.RedisUrl.Length == 0
            ? Task.FromResult(new DependencyCheck(true, "memory"))
            : Guard("redis", PingRedisAsync, cancellation);
        await Task.WhenAll(storage, warehouse, metabase, redis);
        return new Dictionary<string, DependencyCheck>(StringComparer.Ordinal)
        {
            ["storage"] = storage.Result,
            ["warehouse"] = warehouse.Result,
            ["metabase"] = metabase.Result,
            ["redis"] = redis.Result,
        };
    }

    private static async Task<DependencyCheck> Guard(string mode, Func<CancellationToken, Task<bool>> probe, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var ok = await probe(timeout.Token).WaitAsync(timeout.Token);
            return new DependencyCheck(ok, mode, ok ? null : "not reachable");
        }
#pragma warning disable CA1031 // Readiness reports failures; it must not throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new DependencyCheck(false, mode, ex is OperationCanceledException ? "timed out" : ex.GetType().Name);
        }
    }

    private async Task<bool> PingMetabaseAsync(CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_options.MetabaseUrl), "/api/user/current"));
        request.Headers.Add("X-API-Key", _options.MetabaseApiKey);
        using var response = await _http.CreateClient("metabase").SendAsync(request, cancellation);
        return response.IsSuccessStatusCode;
    }

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
