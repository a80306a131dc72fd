using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Telemetry;

/// <summary>A real server exporting traces and metrics to a local OTLP receiver, configured only by the standard OTEL_* variables.</summary>
public sealed class TracingServer : IAsyncLifetime
{
    private ServerProcess _server = null!;

    internal FakeOtlpCollector Collector { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Collector = await FakeOtlpCollector.StartAsync();
        _server = new ServerProcess(TestEnvironment.NewHubName("otel"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.BaseUri.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "autopilot-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await _server.StartAsync();
        Http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _server.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
