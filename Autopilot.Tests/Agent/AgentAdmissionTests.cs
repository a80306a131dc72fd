using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Agent;

/// <summary>Agent runs are admitted like every workflow, under their own per-tenant cap (PER_ORG_MAX_AGENT_RUNS).</summary>
[Collection(ProcessCollection.Name)]
public sealed class AgentAdmissionTests
{
    private const string Question = "How many orders were placed in the last 30 days?";

    [Fact]
    public async Task Runs_beyond_the_agent_cap_queue_and_start_when_a_run_ends_and_they_take_no_workflow_slot()
    {
        // Every run needs approval (1,000-byte limit), so a run holds its slot until someone answers it.
        await using var server = new ServerProcess(TestEnvironment.NewHubName("agadm"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["PER_QUERY_MAX_BYTES"] = "1000",
            ["PER_ORG_MAX_AGENT_RUNS"] = "1",
            ["PER_ORG_MAX_WORKFLOWS"] = "1",
            ["PER_ORG_MAX_PROFILE_WORKFLOWS"] = "1",
            ["WORKFLOW_WAIT_SECONDS"] = "120",
        });
        await server.StartAsync();
        using var http = server.CreateClient();
        var tenant = "org_agadm_" + Guid.NewGuid().ToString("N")[..8];
        var (profiled, _) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        Assert.Equal(200, profiled);
        var (_, limits) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={tenant}", tenant, "member");
        Assert.Equal(1, limits!["agent_limit"]!.GetValue<int>());

        var (_, first) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        Assert.Equal("awaiting_approval", first!["status"]!.GetValue<string>());
        var (queuedStatus, second) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", AgentRunTests.Ask(tenant, Question));
        Assert.Equal(202, queuedStatus);
        Assert.Equal("queued", second!["status"]!.GetValue<string>());
        Assert.Equal(1, second["queue_position"]!.GetValue<int>());
        var secondId = second["run_id"]!.GetValue<string>();
        var (_, standing) = await http.SendAsync(HttpMethod.Get, $"api/v1/agent/runs/{secondId}?org_id={tenant}", tenant, "member");
        Assert.Equal("queued", standing!["status"]!.GetValue<string>());

        // The waiting agent run holds no workflow slot: a profile still runs at a workflow cap of 1.
        var (profileAgain, profile) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        Assert.Equal(200, profileAgain);
        Assert.Equal("success", profile!["status"]!.GetValue<string>());

        var (_, declined) = await http.SendAsync(HttpMethod.Post, $"api/v1/agent/runs/{first["run_id"]!.GetValue<string>()}/approve?org_id={tenant}", tenant, "member", """{"approved":false}""");
        Assert.Equal("blocked", declined!["response_type"]!.GetValue<string>());

        var admitted = await WaitForStatusAsync(http, tenant, secondId, "awaiting_approval");
        Assert.Equal("blocked", admitted["response_type"]!.GetValue<string>());
        var (_, runs) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}&workflow_type=agent", tenant, "member");
        Assert.Equal(["running", "success"], runs!["items"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_agent_cap_is_set_per_tenant_by_admins_within_bounds()
    {
        await using var server = new ServerProcess(TestEnvironment.NewHubName("aglim"), SharedDemoWarehouse.Path);
        await server.StartAsync();
        using var http = server.CreateClient();
        var tenant = "org_aglim_" + Guid.NewGuid().ToString("N")[..8];

        var (_, defaults) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={tenant}", tenant, "member");
        var (tooLow, _) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"agent_limit":0}""");
        var (setStatus, set) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"agent_limit":2}""");
        var (_, read) = await http.SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={tenant}", tenant, "member");

        Assert.Equal(5, defaults!["agent_limit"]!.GetValue<int>());
        Assert.Equal(400, tooLow);
        Assert.Equal(200, setStatus);
        Assert.Equal(2, set!["agent_limit"]!.GetValue<int>());
        Assert.Equal(2, read!["agent_limit"]!.GetValue<int>());
        Assert.Equal(3, read["concurrency_limit"]!.GetValue<int>());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitForStatusAsync(HttpClient http, string tenant, string runId, string status)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        System.Text.Json.Nodes.JsonNode? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var (_, body) = await http.SendAsync(HttpMethod.Get, $"api/v1/agent/runs/{runId}?org_id={tenant}", tenant, "member");
            last = body;
            if (body?["status"]?.GetValue<string>() == status)
            {
                return body;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"run {runId} never reached {status}: {last}");
    }
}
