using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Agent;

/// <summary>
/// Approval as a durable wait: a query over the per-query limit waits for a person; approval (by the run's route or by
/// approve-run) continues it; no approval in time ends it; a server killed while it waits loses nothing.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AgentApprovalTests
{
    private const string Question = "How many orders were placed in the last 30 days?";
    private readonly ITestOutputHelper _output;

    public AgentApprovalTests(ITestOutputHelper output) => _output = output;

    private static Dictionary<string, string> Limits(string approvalTimeoutSeconds = "600") => new()
    {
        ["PER_QUERY_MAX_BYTES"] = "1000",
        ["AGENT_APPROVAL_TIMEOUT_SECONDS"] = approvalTimeoutSeconds,
    };

    [Fact]
    public async Task A_run_over_the_limit_waits_for_approval_then_approve_continues_it_and_approve_run_works_too()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("agap"), SharedDemoWarehouse.Path, Limits());
        await server.StartAsync();
        using var http = server.CreateClient();
        var tenant = await ProfileAsync(http);

        var (_, waiting) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        Assert.Equal("blocked", waiting!["response_type"]!.GetValue<string>());
        Assert.True(waiting["data"]!["gate"]!["approval_required"]!.GetValue<bool>());
        Assert.Equal("preview_then_approve", waiting["data"]!["gate"]!["next_action"]!.GetValue<string>());
        Assert.Contains("requires approval", waiting["data"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Last(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/queries/approve-run", waiting["data"]!["approval"]!["endpoint_approve_run"]!.GetValue<string>());
        var runId = waiting["run_id"]!.GetValue<string>();

        var (status, done) = await http.SendAsync(HttpMethod.Post, $"api/v1/agent/runs/{runId}/approve?org_id={tenant}", tenant, "member", """{"approved":true}""");
        Assert.Equal(200, status);
        Assert.Equal("query_result", done!["response_type"]!.GetValue<string>());

        // The same through the seed's approve-run, with the preview the run made.
        var (_, second) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        var previewId = second!["data"]!["approval"]!["preview_id"]!.GetValue<string>();
        var (_, approved) = await http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member",
            new JsonObject { ["org_id"] = tenant, ["preview_id"] = previewId }.ToJsonString());
        Assert.Equal("approved", approved!["status"]!.GetValue<string>());
        var finished = await WaitForAnswerAsync(http, tenant, second["run_id"]!.GetValue<string>());
        Assert.Equal("query_result", finished["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_an_approval_in_time_the_run_ends_as_expired()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("agexp"), SharedDemoWarehouse.Path, Limits("3"));
        await server.StartAsync();
        using var http = server.CreateClient();
        var tenant = await ProfileAsync(http);

        var (_, waiting) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        var expired = await WaitForAnswerAsync(http, tenant, waiting!["run_id"]!.GetValue<string>());

        Assert.Equal("error", expired["response_type"]!.GetValue<string>());
        Assert.Equal("expired", expired["data"]!["approval"]!["status"]!.GetValue<string>());
        Assert.Null(expired["result"]);
    }

    [Fact]
    public async Task A_server_killed_while_a_run_waits_for_approval_loses_nothing_and_the_run_completes_once()
    {
        var hub = TestEnvironment.NewHubName("agkill");
        string tenant, runId;
        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, Limits()))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            tenant = await ProfileAsync(http);
            var (_, waiting) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
            runId = waiting!["run_id"]!.GetValue<string>();
            first.Kill();
        }

        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, Limits());
        await second.StartAsync();
        using var client = second.CreateClient();
        var (status, _) = await client.SendAsync(HttpMethod.Post, $"api/v1/agent/runs/{runId}/approve?org_id={tenant}", tenant, "member", "{}");
        var done = await WaitForAnswerAsync(client, tenant, runId);

        Assert.True(status is 200 or 202);
        Assert.Equal("query_result", done["response_type"]!.GetValue<string>());
        var audit = await new StorageFactory(hub).Audit.ListAsync(tenant, null, 500, CancellationToken.None);
        Assert.Single(audit, a => a.EventType == "tool_invocation" && a.Payload["run_id"]?.GetValue<string>() == runId);
        Assert.Single(audit, a => a.EventType == "agent_run" && a.Payload["run_id"]?.GetValue<string>() == runId);
    }

    private static async Task<string> ProfileAsync(HttpClient http)
    {
        var tenant = "org_apr_" + Guid.NewGuid().ToString("N")[..8];
        var (status, _) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        Assert.Equal(200, status);
        return tenant;
    }

    private static async Task<JsonNode> WaitForAnswerAsync(HttpClient http, string tenant, string runId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonNode? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var (_, body) = await http.SendAsync(HttpMethod.Get, $"api/v1/agent/runs/{runId}?org_id={tenant}", tenant, "member");
            last = body;
            if (body?["response_type"] is not null && body["status"]?.GetValue<string>() != "awaiting_approval")
            {
                return body;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"run {runId} did not finish: {last}");
    }
}
