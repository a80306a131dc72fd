using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Autopilot.Core.Telemetry;

/// <summary>
/// The service's own trace source and meter (both named <see cref="Name"/>). Spans and instruments cost next to nothing
/// while nobody listens: exporting is configured by <see cref="TelemetryServiceCollectionExtensions"/> from the standard
/// <c>OTEL_*</c> variables and is off by default.
/// </summary>
public static class AutopilotTelemetry
{
    public const string Name = "Autopilot";

    /// <summary>The Durable Task Framework's own source: orchestration and activity spans, parented across the queues.</summary>
    public const string DurableTaskSource = "DurableTask.Core";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>A span for one Redis command or script (StackExchange.Redis emits none of its own); null when nobody listens.</summary>
    public static Activity? StartRedis(string operation)
    {
        var span = Source.StartActivity("redis " + operation, ActivityKind.Client);
        span?.SetTag("db.system", "redis");
        span?.SetTag("db.operation.name", operation);
        return span;
    }
}
