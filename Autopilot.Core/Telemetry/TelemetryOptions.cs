using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Telemetry;

/// <summary>
/// Which signals to export, read from the standard OpenTelemetry variables only: nothing is exported unless an OTLP
/// endpoint is set (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or the per-signal <c>…_TRACES_ENDPOINT</c> /
/// <c>…_METRICS_ENDPOINT</c>); <c>OTEL_SDK_DISABLED=true</c> or <c>OTEL_{TRACES,METRICS}_EXPORTER=none</c> turn a signal off.
/// The exporter itself reads the rest (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>…_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_BSP_SCHEDULE_DELAY</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>).
/// </summary>
public sealed record TelemetryOptions(bool Traces, bool Metrics)
{
    public static TelemetryOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase))
        {
            return new TelemetryOptions(false, false);
        }

        var common = Set(configuration, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return new TelemetryOptions(
            Traces: (common || Set(configuration, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) && !IsNone(configuration, "OTEL_TRACES_EXPORTER"),
            Metrics: (common || Set(configuration, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT")) && !IsNone(configuration, "OTEL_METRICS_EXPORTER"));
    }

    private static bool Set(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);

    private static bool IsNone(IConfiguration configuration, string key) => string.Equals(configuration[key], "none", StringComparison.OrdinalIgnoreCase);
}
