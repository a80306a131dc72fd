using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Warehouse;

/// <summary>Generates the embedded demo warehouse before the service answers requests (first start, or a new day).</summary>
public sealed class DemoWarehouseInitializer : IHostedService
{
    private readonly Settings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<DemoWarehouseInitializer> _logger;

    public DemoWarehouseInitializer(Settings settings, TimeProvider time, ILogger<DemoWarehouseInitializer> logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        DemoWarehouse.EnsureCreated(_settings.DemoWarehousePath, today);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Demo warehouse ready at {Path} for {Today} in {Elapsed} ms",
                _settings.DemoWarehousePath, today, (int)_time.GetElapsedTime(started).TotalMilliseconds);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
