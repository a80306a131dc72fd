using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Autopilot.Core.Telemetry;

/// <summary>
/// The service's metrics, one place so their names and tags stay consistent: workflows started / completed / failed by
/// type, queue depth (as the last queue sweep saw it), step latency, SQL-gate decisions and limiter fallbacks to the
/// process-local state when Redis is unreachable.
/// </summary>
public static class AutopilotMetrics
{
    private static readonly Counter<long> WorkflowsStarted = AutopilotTelemetry.Meter.CreateCounter<long>(
        "autopilot.workflows.started", "{workflow}", "Workflows started (admitted or queued), by workflow type");

    private static readonly Counter<long> WorkflowsCompleted = AutopilotTelemetry.Meter.CreateCounter<long>(
        "autopilot.workflows.completed", "{workflow}", "Workflows that finished successfully, by workflow type");

    private static readonly Counter<long> WorkflowsFailed = AutopilotTelemetry.Meter.CreateCounter<long>(
        "autopilot.workflows.failed", "{workflow}", "Workflows that finished failed or partially failed, by workflow type");

    private static readonly Histogram<double> StepDuration = AutopilotTelemetry.Meter.CreateHistogram<double>(
        "autopilot.step.duration", "ms", "Duration of a workflow step that ran (a recorded step replayed from its record is not counted)");

    private static readonly Counter<long> GateDecisions = AutopilotTelemetry.Meter.CreateCounter<long>(
        "autopilot.sql_gate.decisions", "{query}", "SQL gate decisions on the query path: allowed or refused, with the first rule that refused");

    private static readonly Counter<long> LimiterFallbacks = AutopilotTelemetry.Meter.CreateCounter<long>(
        "autopilot.limiter.fallbacks", "{call}", "Limiter decisions answered from this process because Redis was unreachable");

    private static long _queueDepth;

    static AutopilotMetrics() =>
        AutopilotTelemetry.Meter.CreateObservableGauge("autopilot.queue.depth", () => Interlocked.Read(ref _queueDepth), "{workflow}",
            "Workflows waiting in tenants' admission queues, as this process's last queue sweep counted them");

    public static void WorkflowStarted(string workflowType) => WorkflowsStarted.Add(1, new KeyValuePair<string, object?>("workflow.type", workflowType));

    public static void WorkflowFinished(string workflowType, bool succeeded)
    {
        var tag = new KeyValuePair<string, object?>("workflow.type", workflowType);
        (succeeded ? WorkflowsCompleted : WorkflowsFailed).Add(1, tag);
    }

    public static void StepFinished(string step, TimeSpan elapsed, bool succeeded) =>
        StepDuration.Record(elapsed.TotalMilliseconds, new TagList { { "step", step }, { "outcome", succeeded ? "success" : "failed" } });

    public static void GateDecided(bool allowed, string? ruleId) =>
        GateDecisions.Add(1, new TagList { { "decision", allowed ? "allowed" : "refused" }, { "rule", ruleId ?? "" } });

    /// <summary><paramref name="limiter"/>: <c>cost</c> or <c>rate</c>.</summary>
    public static void LimiterFellBack(string limiter) => LimiterFallbacks.Add(1, new KeyValuePair<string, object?>("limiter", limiter));

    public static void QueueDepthObserved(long depth) => Interlocked.Exchange(ref _queueDepth, depth);
}
