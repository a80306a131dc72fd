using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Health;

/// <summary>
/// Whether the warehouse and the text-generation service can take work: a real probe of the warehouse (cached
/// briefly so admission stays cheap), failures reported by steps, and the seed's simulation flags for tests.
/// </summary>
public sealed class DependencyMonitor
{
    private static readonly TimeSpan ProbeCacheFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FailureHoldsFor = TimeSpan.FromSeconds(15);
    private readonly WarehouseResolver _warehouses;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _probe = new(1, 1);
    private (DateTimeOffset At, bool Ok) _lastProbe = (DateTimeOffset.MinValue, true);
    private DateTimeOffset _lastWarehouseFailure = DateTimeOffset.MinValue;

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
        if (now - _lastWarehouseFailure < FailureHoldsFor && now - _lastProbe.At >= TimeSpan.Zero && _lastProbe.At < _lastWarehouseFailure)
        {
            return false;
        }

        if (now - _lastProbe.At < ProbeCacheFor)
        {
            return _lastProbe.Ok;
        }

        await _probe.WaitAsync(cancellation);
        try
        {
            if (_time.GetUtcNow() - _lastProbe.At >= ProbeCacheFor)
            {
                _lastProbe = (_time.GetUtcNow(), await _warehouses.Demo.PingAsync(cancellation));
            }

            return _lastProbe.Ok;
        }
        finally
        {
            _probe.Release();
        }
    }

    /// <summary>A step saw the warehouse fail with a transient class: treat it as down until a probe says otherwise.</summary>
    public void ReportWarehouseFailure() => _lastWarehouseFailure = _time.GetUtcNow();
}
