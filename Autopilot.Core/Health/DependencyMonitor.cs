using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Health;

/// <summary>
/// Whether the warehouse and the text-generation service can take work: a real probe of the warehouse (cached
/// briefly so admission stays cheap, re-probed at once after a step reports a transient warehouse failure), and
/// the seed's simulation flags. The text-generation service has no probe yet: only its flag.
/// </summary>
public sealed class DependencyMonitor : IDisposable
{
    private static readonly TimeSpan ProbeCacheFor = TimeSpan.FromSeconds(2);
    private readonly WarehouseResolver _warehouses;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _probe = new(1, 1);
    private ProbeResult _lastProbe = new(DateTimeOffset.MinValue, true); // swapped whole: readers never see half an update

    public DependencyMonitor(WarehouseResolver warehouses, ServiceOptions options, TimeProvider time)
    {
        _warehouses = warehouses;
        _options = options;
        _time = time;
    }

    public bool LlmAvailable => !_options.SimulateLlmUnavailable;

    public async Task<bool> WarehouseAvailableAsync(CancellationToken cancellation)
    {
        if (_options.SimulateWarehouseUnavailable)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        if (now - _lastProbe.At < ProbeCacheFor)
        {
            return _lastProbe.Ok;
        }

        await _probe.WaitAsync(cancellation);
        try
        {
            if (_time.GetUtcNow() - _lastProbe.At >= ProbeCacheFor)
            {
                _lastProbe = new ProbeResult(_time.GetUtcNow(), await _warehouses.Demo.PingAsync(cancellation));
            }

            return _lastProbe.Ok;
        }
        finally
        {
            _probe.Release();
        }
    }

    /// <summary>A step saw the warehouse fail with a transient class: the next admission probes again instead of trusting the cache.</summary>
    public void ReportWarehouseFailure() => _lastProbe = _lastProbe with { At = DateTimeOffset.MinValue };

    public void Dispose() => _probe.Dispose();

    private sealed record ProbeResult(DateTimeOffset At, bool Ok);
}
