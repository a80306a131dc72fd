using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Autopilot.Core.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics over OTLP when <see cref="TelemetryOptions"/> says so; otherwise nothing is
    /// registered (no listener, so the spans and instruments in the code stay free). Traces: incoming HTTP (ASP.NET
    /// Core), the service's own spans (query path, warehouse, Redis, schedule ticks, orchestration starts), the Durable
    /// Task Framework's orchestration and activity spans, and outgoing HTTP except the storage account's own traffic.
    /// </summary>
    public static IServiceCollection AddAutopilotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = TelemetryOptions.From(configuration);
        if (!options.Traces && !options.Metrics)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : "autopilot"));
        if (options.Traces)
        {
            builder.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new NoBackgroundRootSampler()))
                .AddSource(AutopilotTelemetry.Name, AutopilotTelemetry.DurableTaskSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage = request => !IsStorageCall(request))
                .AddOtlpExporter());
        }

        if (options.Metrics)
        {
            builder.WithMetrics(metrics => metrics
                .AddMeter(AutopilotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// Azure Storage's REST calls (the engine's queue polling and history reads, every table read) always carry
    /// <c>x-ms-version</c>: thousands of spans a minute that say nothing about a request, so they are not traced.
    /// </summary>
    private static bool IsStorageCall(HttpRequestMessage request) => request.Headers.Contains("x-ms-version");

    /// <summary>
    /// A trace starts at a request, a schedule tick or an orchestration — not at an outgoing call with no parent (a
    /// background poll, a connection probe), which would otherwise make one single-span trace each.
    /// </summary>
    private sealed class NoBackgroundRootSampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            new(samplingParameters.Kind == ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
    }
}
