using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Warehouse;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Agent;

/// <summary>The agent run over HTTP: answers checked against the test's own SQL, failure paths, the audit trail (spec §3.1).</summary>
public sealed class AgentRunTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public AgentRunTests(ServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    internal static string Ask(string tenant, string message) =>
        new JsonObject { ["org_id"] = tenant, ["user_id"] = "u1", ["message"] = message, ["session_id"] = "s1" }.ToJsonString();

    /// <summary>
    /// Asks and, as a client would, follows a 202 (the run outlasted the route's wait, as on a loaded machine) through its
    /// status URL to the run's answer.
    /// </summary>
    internal static async Task<(int Status, JsonNode? Body)> AskAsync(HttpClient http, string tenant, string message)
    {
        var (status, body) = await http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", Ask(tenant, message));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (status == 202 && waited.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(500);
            (status, body) = await http.SendAsync(HttpMethod.Get, body!["status_url"]!.GetValue<string>().TrimStart('/'), tenant, "member");
            if (status == 200 && body?["response_type"] is null)
            {
                status = 202;
            }
        }

        return (status, body);
    }

    [Fact]
    public async Task A_question_is_answered_with_the_value_the_data_has_and_every_stage_is_audited()
    {
        var tenant = await ProfiledTenantAsync();
        var (status, body) = await AskAsync(Http, tenant, "How many orders were placed in the last 30 days?");

        Assert.Equal(200, status);
        Assert.True(body!["response_type"]!.GetValue<string>() == "query_result", body.ToJsonString());
        var row = Assert.Single(body["data"]!["rows"]!.AsArray())!.AsObject();
        var answer = Convert.ToInt64(row.Single().Value!.GetValue<object>().ToString(), CultureInfo.InvariantCulture);
        Assert.Equal(OwnCount("SELECT COUNT(*) FROM analytics.orders WHERE CAST(created_at AS DATE) >= current_date - 30 AND CAST(created_at AS DATE) < current_date"), answer);
        Assert.StartsWith("Query completed", body["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, body["provenance"]!["query_hash"]!.GetValue<string>().Length);
        Assert.Equal(64, body["provenance"]!["output_hash"]!.GetValue<string>().Length);
        Assert.Contains(body["freshness"]!.AsArray(), f => f!["table"]!.GetValue<string>() == "analytics.orders");

        var audit = await new StorageFactory(_fixture.Server.TaskHub).Audit.ListAsync(tenant, null, 200, CancellationToken.None);
        var runId = body["run_id"]!.GetValue<string>();
        var events = audit.Where(a => a.Payload["run_id"]?.GetValue<string>() == runId || a.EventType == "security_gate_decision").Select(a => a.EventType).Reverse().ToList();
        Assert.Contains("workflow_state_transition", events);
        Assert.Single(events, e => e == "tool_invocation");
        Assert.Single(events, e => e == "agent_run");
        Assert.True(events.IndexOf("security_gate_decision") < events.IndexOf("tool_invocation"));
        Assert.True(events.IndexOf("tool_invocation") < events.IndexOf("agent_run"));
    }

    [Fact]
    public async Task A_question_the_planner_cannot_read_is_asked_back_naming_its_words_and_what_it_can_answer()
    {
        var tenant = await ProfiledTenantAsync();
        var (_, body) = await AskAsync(Http, tenant, "compose a haiku about penguins");

        Assert.Equal("clarification_needed", body!["response_type"]!.GetValue<string>());
        Assert.Equal(["compose", "haiku", "penguins"], body["data"]!["unused_words"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.NotEmpty(body["data"]!["suggestions"]!.AsArray());
    }

    [Fact]
    public async Task A_word_no_plan_element_uses_makes_the_run_ask_instead_of_answering_another_question()
    {
        var tenant = await ProfiledTenantAsync();
        var (status, body) = await AskAsync(Http, tenant, "How many paid orders were placed in the last 30 days?");

        Assert.Equal(200, status);
        Assert.True(body!["response_type"]!.GetValue<string>() == "clarification_needed", body.ToJsonString());
        Assert.Equal(["paid"], body["data"]!["unused_words"]!.AsArray().Select(w => w!.GetValue<string>()));
        Assert.Contains("\"paid\"", body["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(body["data"]!["suggestions"]!.AsArray(), q => q!.GetValue<string>() == "How many orders were placed in the last 30 days");
        Assert.Null(body["result"]);
    }

    [Fact]
    public async Task A_value_named_with_spaces_is_looked_up_through_the_query_path_and_filtered_on_as_the_data_spells_it()
    {
        var tenant = await ProfiledTenantAsync();
        var (_, body) = await AskAsync(Http, tenant, "Total revenue from paid social users in the last 30 days");

        Assert.True(body!["response_type"]!.GetValue<string>() == "query_result", body.ToJsonString());
        Assert.Contains("u.channel = 'paid_social'", body["provenance"]!["sql"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("I read this as: revenue", body["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = Assert.Single(body["data"]!["rows"]!.AsArray())!.AsObject();
        var answer = double.Parse(row.Single().Value!.ToJsonString(), CultureInfo.InvariantCulture);
        var expected = OwnDouble("""
            SELECT SUM(o.amount) FROM analytics.orders o JOIN analytics.users u ON u.user_id = o.user_id
            WHERE u.channel = 'paid_social' AND CAST(o.created_at AS DATE) >= current_date - 30 AND CAST(o.created_at AS DATE) < current_date
            """);
        Assert.Equal(expected, answer, 6);
    }

    [Fact]
    public async Task A_tenant_never_profiled_is_profiled_by_its_first_question_which_then_answers_with_data()
    {
        var tenant = "org_ag_" + Guid.NewGuid().ToString("N")[..8];
        var storage = new StorageFactory(_fixture.Server.TaskHub);
        Assert.Empty(await storage.Catalog.ListTablesAsync(tenant, CancellationToken.None));

        var (status, body) = await AskAsync(Http, tenant, "show me dau");

        Assert.Equal(200, status);
        Assert.True(body!["response_type"]!.GetValue<string>() == "query_result", body.ToJsonString());
        var expected = OwnRows("""
            SELECT CAST("timestamp" AS DATE) AS day, COUNT(DISTINCT user_id) AS active_users FROM analytics.events
            WHERE CAST("timestamp" AS DATE) BETWEEN current_date - 30 AND current_date - 1 GROUP BY 1 ORDER BY 1
            """);
        var rows = body["data"]!["rows"]!.AsArray().Select(r => r!.AsObject().Select(c => c.Value!.ToString()).ToList()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => (r[0][..10], long.Parse(r[1], CultureInfo.InvariantCulture))).ToList());
        Assert.NotEmpty(await storage.Catalog.ListTablesAsync(tenant, CancellationToken.None));
        Assert.Single(await ProfileRunsAsync(tenant));

        var (_, second) = await AskAsync(Http, tenant, "How many orders were placed in the last 30 days?");

        Assert.Equal("query_result", second!["response_type"]!.GetValue<string>());
        Assert.Single(await ProfileRunsAsync(tenant));
    }

    private async Task<List<JsonNode?>> ProfileRunsAsync(string tenant)
    {
        var (_, runs) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}&workflow_type=profile", tenant, "member");
        var items = runs!["items"]!.AsArray().ToList();
        Assert.All(items, i => Assert.Equal("success", i!["status"]!.GetValue<string>()));
        return items;
    }

    /// <summary>The test's own answer: (day, users) rows of <paramref name="sql"/> run directly on the demo warehouse file.</summary>
    internal static List<(string Day, long Users)> OwnRows(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(SharedDemoWarehouse.Path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetDateTime(0).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    [Theory]
    [InlineData("""{"org_id":"T","user_id":"u","session_id":"s"}""", 422)]
    [InlineData("""{"org_id":"T","user_id":"u","message":"","session_id":"s"}""", 422)]
    [InlineData("""{"org_id":"other","user_id":"u","message":"hi","session_id":"s"}""", 403)]
    public async Task Bad_requests_are_refused_in_the_seed_order(string body, int expected)
    {
        var tenant = "org_ag_" + Guid.NewGuid().ToString("N")[..8];
        var (status, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "member", body.Replace("\"T\"", $"\"{tenant}\"", StringComparison.Ordinal));
        var (viewer, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/agent/run", tenant, "viewer", Ask(tenant, "hi"));

        Assert.Equal(expected, status);
        Assert.Equal(403, viewer);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task A_bad_wait_seconds_is_a_422_on_every_agent_route_as_on_the_workflow_routes(string wait)
    {
        var tenant = "org_ag_" + Guid.NewGuid().ToString("N")[..8];

        var (run, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/agent/run?wait_seconds={wait}", tenant, "member", Ask(tenant, "How many orders were placed in the last 30 days?"));
        var (approve, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/agent/runs/run_000000000000/approve?org_id={tenant}&wait_seconds={wait}", tenant, "member", "{}");
        var (profile, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}&wait_seconds={wait}", tenant, "member");

        Assert.Equal(422, profile);
        Assert.Equal(422, run);
        Assert.Equal(422, approve);
    }

    [Fact]
    public async Task Another_tenants_run_is_not_found()
    {
        var tenant = await ProfiledTenantAsync();
        var (_, body) = await AskAsync(Http, tenant, "How many orders were placed in the last 30 days?");
        var other = "org_ag_" + Guid.NewGuid().ToString("N")[..8];

        var (status, _) = await Http.SendAsync(HttpMethod.Get, $"api/v1/agent/runs/{body!["run_id"]!.GetValue<string>()}?org_id={other}", other, "member");

        Assert.Equal(404, status);
    }

    private async Task<string> ProfiledTenantAsync()
    {
        var tenant = "org_ag_" + Guid.NewGuid().ToString("N")[..8];
        var (status, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        Assert.Equal(200, status);
        return tenant;
    }

    internal static double OwnDouble(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(SharedDemoWarehouse.Path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    internal static long OwnCount(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(SharedDemoWarehouse.Path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
