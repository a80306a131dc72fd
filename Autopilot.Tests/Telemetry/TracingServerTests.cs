using Autopilot.Tests.Agent;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Telemetry;

/// <summary>
/// Traces and metrics from a real server to a collector over OTLP/HTTP, configured only by the standard OTEL_* variables:
/// one agent question is one trace from the HTTP request through the orchestration and its activities to the warehouse
/// call and back, and the service's counters arrive.
/// </summary>
public sealed class TracingServerTests : IClassFixture<TracingServer>
{
    private const string Question = "How many orders were placed in the last 30 days?";

    private readonly FakeOtlpCollector _collector;
    private readonly HttpClient _http;

    public TracingServerTests(TracingServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _collector = server.Collector;
        _http = server.Http;
    }

    [Fact]
    public async Task An_agent_question_is_one_trace_from_the_request_through_orchestration_and_activities_to_the_warehouse()
    {
        var tenant = "org_otel_" + Guid.NewGuid().ToString("N")[..8];
        await _http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");

        var (status, body) = await AskAsync(tenant);
        Assert.True(status == 200 && body!["response_type"]!.GetValue<string>() == "query_result", body?.ToJsonString());
        var runId = body!["run_id"]!.GetValue<string>();

        // The request's server span, then every span of its trace, once the warehouse call of this run has arrived.
        List<OtlpSpan> trace = [];
        OtlpSpan? request = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var spans = _collector.Spans.ToList();
            request = spans.FirstOrDefault(s => s.Kind == 2 && s.Attributes.GetValueOrDefault("autopilot.route") == "AgentRun"
                && spans.Any(c => c.TraceId == s.TraceId && c.Attributes.GetValueOrDefault("durabletask.task.instance_id") == runId));
            trace = request is null ? [] : spans.Where(s => s.TraceId == request.TraceId).ToList();
            if (trace.Any(s => s.Name == "warehouse.execute") && trace.Any(s => s.Name.Contains("ComposeAnswerActivity", StringComparison.Ordinal)))
            {
                break;
            }

            await Task.Delay(250);
        }

        var names = string.Join(", ", trace.Select(s => $"{s.Name} [{s.Scope}]"));
        Assert.True(request is not null, "no server span for the agent route naming run " + runId + "; received: " + string.Join(", ", _collector.Spans.Select(s => s.Name).Distinct()));
        Assert.Equal("POST", request.Attributes.GetValueOrDefault("http.request.method"));

        // The warehouse call's ancestry reaches the request: execute → activity → orchestration → create → request.
        // (The planner's dimension-value lookups are warehouse calls too; the answer's query is the one under ExecuteQueryActivity.)
        var byId = trace.ToDictionary(s => s.SpanId);
        List<OtlpSpan> Ancestry(OtlpSpan span)
        {
            var found = new List<OtlpSpan> { span };
            while (found[^1].ParentSpanId.Length > 0 && byId.TryGetValue(found[^1].ParentSpanId, out var parent))
            {
                found.Add(parent);
            }

            return found;
        }

        var chain = trace.Where(s => s.Name == "warehouse.execute").Select(Ancestry)
            .FirstOrDefault(c => c.Any(s => s.Name.Contains("ExecuteQueryActivity", StringComparison.Ordinal)));
        Assert.True(chain is not null, "no warehouse.execute span under ExecuteQueryActivity; trace: " + names);
        var warehouse = chain[0];

        var path = string.Join(" <- ", chain.Select(s => s.Name));
        Assert.True(chain[^1].SpanId == request.SpanId, $"the warehouse span does not lead back to the request: {path}; trace: {names}");
        Assert.Contains(chain, s => s.Scope == "DurableTask.Core" && s.Name.Contains("ExecuteQueryActivity", StringComparison.Ordinal));
        Assert.Contains(chain, s => s.Scope == "DurableTask.Core" && s.Name.Contains("AgentRunOrchestration", StringComparison.Ordinal));
        Assert.Contains(chain, s => s.Name == "create_orchestration:AgentRunOrchestration");
        Assert.Equal("duckdb-demo", warehouse.Attributes.GetValueOrDefault("db.system"));
        Assert.Equal(tenant, warehouse.Attributes.GetValueOrDefault("autopilot.tenant"));

        // Every stage of the pipeline ran inside the same trace; the gate decided in it; no SQL text was exported.
        foreach (var stage in new[] { "PlanQuestionActivity", "ValidatePlanActivity", "CritiquePlanActivity", "ExecuteQueryActivity", "ComposeAnswerActivity" })
        {
            Assert.True(trace.Any(s => s.Name.Contains(stage, StringComparison.Ordinal)), $"no span for {stage}; trace: {names}");
        }

        Assert.Contains(trace, s => s.Name == "sql_gate" && s.Attributes.GetValueOrDefault("autopilot.gate.allowed") == "true");
        Assert.DoesNotContain(trace, s => s.Attributes.Values.Any(v => v.Contains("SELECT", StringComparison.OrdinalIgnoreCase)));
        // The storage account's own calls (queue polls, history reads) are not traced.
        var storage = System.Text.RegularExpressions.Regex.Matches(TestEnvironment.StorageConnectionString, "(?:Blob|Queue|Table)Endpoint=([^;]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(storage);
        Assert.DoesNotContain(_collector.Spans, s => s.Attributes.TryGetValue("url.full", out var url) && storage.Any(e => url.StartsWith(e, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Workflow_and_gate_counters_are_exported_by_type_and_decision()
    {
        var tenant = "org_otelm_" + Guid.NewGuid().ToString("N")[..8];
        await _http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");
        var (status, _) = await AskAsync(tenant);
        Assert.Equal(200, status);

        // Cumulative sums: the newest point per series is the total so far.
        bool Has(string metric, string tag, string value) =>
            _collector.MetricPoints.Any(p => p.Metric == metric && p.Attributes.GetValueOrDefault(tag) == value && p.Value >= 1);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20) && !(Has("autopilot.workflows.started", "workflow.type", "agent")
            && Has("autopilot.workflows.completed", "workflow.type", "agent") && Has("autopilot.sql_gate.decisions", "decision", "allowed")))
        {
            await Task.Delay(250);
        }

        var seen = string.Join(", ", _collector.MetricPoints.Select(p => p.Metric).Distinct());
        Assert.True(Has("autopilot.workflows.started", "workflow.type", "agent"), seen);
        Assert.True(Has("autopilot.workflows.completed", "workflow.type", "agent"), seen);
        Assert.True(Has("autopilot.sql_gate.decisions", "decision", "allowed"), seen);
        Assert.Contains(_collector.MetricPoints, p => p.Metric == "autopilot.queue.depth");
    }

    private Task<(int Status, System.Text.Json.Nodes.JsonNode? Body)> AskAsync(string tenant) => AgentRunTests.AskAsync(_http, tenant, Question);
}
