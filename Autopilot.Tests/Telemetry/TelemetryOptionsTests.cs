using Autopilot.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Autopilot.Tests.Telemetry;

/// <summary>Export is off unless the standard OTEL_* variables name an OTLP endpoint; each signal can be turned off on its own.</summary>
public sealed class TelemetryOptionsTests
{
    public static TheoryData<string, bool, bool> Cases => new()
    {
        { "", false, false },
        { "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318", true, true },
        { "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://collector:4318/v1/traces", true, false },
        { "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT=http://collector:4318/v1/metrics", false, true },
        { "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318;OTEL_TRACES_EXPORTER=none", false, true },
        { "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318;OTEL_METRICS_EXPORTER=none", true, false },
        { "OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4318;OTEL_SDK_DISABLED=true", false, false },
        { "OTEL_EXPORTER_OTLP_ENDPOINT=   ", false, false },
        { "OTEL_SERVICE_NAME=autopilot", false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signals_are_exported_only_when_an_endpoint_is_set_and_not_disabled(string variables, bool traces, bool metrics)
    {
        var options = TelemetryOptions.From(Configuration(variables));

        Assert.Equal((traces, metrics), (options.Traces, options.Metrics));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_service_registers_a_tracer_and_meter_provider_exactly_for_the_exported_signals(string variables, bool traces, bool metrics)
    {
        using var provider = new ServiceCollection().AddLogging().AddAutopilotTelemetry(Configuration(variables)).BuildServiceProvider();

        Assert.Equal(traces, provider.GetService<TracerProvider>() is not null);
        Assert.Equal(metrics, provider.GetService<MeterProvider>() is not null);
    }

    private static IConfiguration Configuration(string variables) =>
        new ConfigurationBuilder().AddInMemoryCollection(variables
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1]))).Build();
}
