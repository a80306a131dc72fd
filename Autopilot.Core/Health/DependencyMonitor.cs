using System.Collections.Concurrent;
using Autopilot.Core.Connectors;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Health;

/// <summary>
/// Whether a tenant's warehouse and the text-generation service can take work. Health is kept per warehouse: the
/// demo warehouse is one warehouse for every tenant bound to it; each BigQuery connection is its own. A warehouse is
/// probed only when a tenant with work asks (admission, queue passes), its answer cached briefly so admission stays
/// cheap, and probed again at once after a step reports a transient warehouse failure. The seed's simulation flags
/// still apply. The text-generation service has no probe yet: only its flag.
/// </summary>
public sealed class DependencyMonitor
{
    private static readonly TimeSpan ProbeCacheFor = TimeSpan.FromSeconds(2);
    private readonly WarehouseResolver _warehouses;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ProbeResult> _lastProbes = new(StringComparer.Ordinal);
    // One probe in flight per warehouse: concurrent admissions share it instead of each pinging.
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> _inFlight = new(StringComparer.Ordinal);

    public DependencyMonitor(WarehouseResolver warehouses, ServiceOptions options, TimeProvider time)
    {
        _warehouses = warehouses;
        _options = options;
        _time = time;
    }

    public bool LlmAvailable => !_options.SimulateLlmUnavailable;

    /// <summary>The last known state of every warehouse probed so far, by its health key.</summary>
    public IReadOnlyDictionary<string, bool> KnownWarehouses => _lastProbes.ToDictionary(p => p.Key, p => p.Value.Ok, StringComparer.Ordinal);

    /// <summary>Whether the warehouse behind <paramref name="tenantId"/>'s connection answers.</summary>
    public async Task<bool> WarehouseAvailableAsync(string tenantId, CancellationToken cancellation)
    {
        if (_options.SimulateWarehouseUnavailable)
        {
            return false;
        }

        IWarehouse warehouse;
        try
        {
            warehouse = await _warehouses.ForConnectionAsync(tenantId, ConnectionStore.IdFor(tenantId), cancellation);
        }
        catch (WorkflowStepException)
        {
            // A connection that cannot work (no credentials, unknown warehouse) is not an outage: the workflow runs
            // and fails with that reason rather than waiting for something that will not come back by itself.
            return true;
        }

        return await ProbeAsync(HealthKey(tenantId, warehouse), warehouse, cancellation);
    }

    /// <summary>A step saw a warehouse fail with a transient class: the next admission probes again instead of trusting the cache.</summary>
    public void ReportWarehouseFailure() => _lastProbes.Clear();

    private string HealthKey(string tenantId, IWarehouse warehouse) =>
        ReferenceEquals(warehouse, _warehouses.Demo) ? WarehouseResolver.DemoWarehouse : $"{WarehouseResolver.BigQueryWarehouseKind}:{tenantId}";

    private async Task<bool> ProbeAsync(string key, IWarehouse warehouse, CancellationToken cancellation)
    {
        if (_lastProbes.TryGetValue(key, out var last) && _time.GetUtcNow() - last.At < ProbeCacheFor)
        {
            return last.Ok;
        }

        var probe = _inFlight.GetOrAdd(key, k => new Lazy<Task<bool>>(() => RunProbeAsync(k, warehouse)));
        return await probe.Value.WaitAsync(cancellation);
    }

    private async Task<bool> RunProbeAsync(string key, IWarehouse warehouse)
    {
        try
        {
            bool ok;
            try
            {
                // Not the caller's token: the probe is shared, and each warehouse's ping has its own time limit.
                ok = await warehouse.PingAsync(CancellationToken.None);
            }
#pragma warning disable CA1031 // A probe that throws means the warehouse is not usable; it must not fail admission.
            catch (Exception)
#pragma warning restore CA1031
            {
                ok = false;
            }

            _lastProbes[key] = new ProbeResult(_time.GetUtcNow(), ok);
            return ok;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private sealed record ProbeResult(DateTimeOffset At, bool Ok);
}
