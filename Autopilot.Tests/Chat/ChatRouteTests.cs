using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Chat;
using Autopilot.Tests.Agent;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Chat;

/// <summary>
/// <c>POST /api/v1/chat/run</c> on a real server (CHAT-1..6): queries answered through the agent run with the warehouse's
/// own rows, workflows started through admission with their artifacts stored, the model's intent accounted or fallen back
/// from, and the schema, role and tenant refusals.
/// </summary>
public sealed partial class ChatRouteTests : IClassFixture<ChatServerFixture>
{
    private static readonly TimeSpan WorkflowTimeout = TimeSpan.FromMinutes(3);
    private readonly ChatServerFixture _fixture;

    public ChatRouteTests(ChatServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    private static string NewTenant(string what) => $"org_chat_{what}_{Guid.NewGuid().ToString("N")[..8]}";

    private static string Say(string tenant, string message, string? session = "s1") =>
        new JsonObject { ["org_id"] = tenant, ["user_id"] = "u1", ["message"] = message, ["session_id"] = session }.ToJsonString();

    [Fact]
    public async Task Show_me_dau_is_a_query_answered_with_the_rows_the_warehouse_has_and_audited_once()
    {
        var tenant = NewTenant("dau");

        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "show me dau"));

        Assert.Equal(200, status);
        var type = body!["response_type"]!.GetValue<string>();
        Assert.True(type is "query_result" or "approval_required" or "blocked", body.ToJsonString());
        Assert.Equal(("query", true, ChatIntentClassifier.FallbackReason, "u1"), Meta(body));
        if (type == "query_result")
        {
            Assert.Equal("Query completed.", body["summary"]!.GetValue<string>());
            var expected = AgentRunTests.OwnRows("""
                SELECT CAST("timestamp" AS DATE) AS day, COUNT(DISTINCT user_id) AS active_users FROM analytics.events
                WHERE CAST("timestamp" AS DATE) BETWEEN current_date - 30 AND current_date - 1 GROUP BY 1 ORDER BY 1
                """);
            var rows = body["data"]!["rows"]!.AsArray().Select(r => r!.AsObject().Select(c => c.Value!.ToString()).ToList()).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, rows.Select(r => (r[0][..10], long.Parse(r[1], CultureInfo.InvariantCulture))).ToList());
        }

        var chatRuns = (await _fixture.Storage.Audit.ListAsync(tenant, "chat_run", 50, CancellationToken.None)).ToList();
        var audited = Assert.Single(chatRuns).Payload;
        Assert.Equal(("u1", "s1", type, "query"), (audited["user_id"]!.GetValue<string>(), audited["session_id"]!.GetValue<string>(),
            audited["response_type"]!.GetValue<string>(), audited["intent_action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_an_executive_dashboard_builds_a_dashboard_through_admission_with_the_normal_workflow_audit()
    {
        var tenant = NewTenant("dash");

        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "create an executive dashboard"));

        Assert.Equal(200, status);
        Assert.Equal("dashboard", Meta(body!).Action);
        var type = body!["response_type"]!.GetValue<string>();
        Assert.True(type is "workflow_result" or "queued", body.ToJsonString());
        var workflowId = body["data"]!["workflow_id"]!.GetValue<string>();
        var result = type == "workflow_result" ? body["data"]! : (await Http.WaitForRunAsync(tenant, workflowId, WorkflowTimeout))["result"]!;
        if (type == "workflow_result")
        {
            Assert.Equal("Dashboard generation completed.", body["summary"]!.GetValue<string>());
        }

        Assert.True(result["status"]?.GetValue<string>() == "success", result.ToJsonString());
        var artifact = await _fixture.Storage.Artifacts.GetAsync(tenant, result["artifact_id"]!.GetValue<string>(), CancellationToken.None);
        Assert.Equal(ArtifactTypes.Dashboard, artifact?.Type);
        var runs = await _fixture.Storage.Audit.ListAsync(tenant, "workflow_run", 50, CancellationToken.None);
        Assert.Contains(runs, r => r.Payload["workflow_type"]?.GetValue<string>() == "dashboard");
    }

    [Fact]
    public async Task Profile_and_memo_messages_start_those_workflows_and_answer_with_their_results()
    {
        var tenant = NewTenant("wf");

        var (_, profile) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "introspect the warehouse schema", session: null));
        var (_, memo) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "write the weekly memo"));

        Assert.Equal(("profile", "workflow_result", "Profile workflow completed."), (Meta(profile!).Action, profile!["response_type"]!.GetValue<string>(), profile["summary"]!.GetValue<string>()));
        Assert.Equal("success", profile["data"]!["status"]!.GetValue<string>());
        Assert.Equal(("memo", "workflow_result", "Weekly memo generated."), (Meta(memo!).Action, memo!["response_type"]!.GetValue<string>(), memo["summary"]!.GetValue<string>()));
        var artifact = await _fixture.Storage.Artifacts.GetAsync(tenant, memo["data"]!["artifact_id"]!.GetValue<string>(), CancellationToken.None);
        Assert.Equal(ArtifactTypes.Memo, artifact?.Type);
    }

    [Fact]
    public async Task A_valid_model_answer_overrides_the_keywords_and_its_sql_is_not_run_and_every_intent_call_is_accounted()
    {
        var tenant = NewTenant("llm");
        // "chart" says dashboard; the model says query, with SQL that must not be what runs.
        _fixture.Llm.AnswerWith("""{"action":"query","sql":"SELECT 'llm_marker' AS marker","reason":"a question about numbers"}""");

        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "chart: how many orders were placed in the last 30 days?"));
        _fixture.Llm.AnswerWith("this is not json");
        var (_, garbage) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "how many orders were placed in the last 30 days?"));
        var (_, usage) = await Http.SendAsync(HttpMethod.Get, $"api/v1/llm/usage?org_id={tenant}", tenant, "member");

        Assert.Equal(200, status);
        var meta = Meta(body!);
        Assert.Equal(("query", true), (meta.Action, meta.Llm));
        Assert.Contains("a question about numbers", meta.Reason, StringComparison.Ordinal);
        Assert.Contains("not run directly", meta.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("llm_marker", body!["data"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(("query", ChatIntentClassifier.FallbackReason), (Meta(garbage!).Action, Meta(garbage!).Reason));
        Assert.Equal(2, usage!["by_task"]!["intent_classification"]!["requests"]!.GetValue<int>());
    }

    [Fact]
    public async Task Over_a_hard_capped_budget_the_intent_falls_back_to_keywords_and_no_request_reaches_the_model()
    {
        var tenant = NewTenant("cap");
        var (set, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/llm/budget?org_id={tenant}", tenant, "admin", """{"monthly_usd":0,"hard_cap":true}""");
        var before = _fixture.Llm.Requests.Count;

        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", Say(tenant, "show me dau"));

        Assert.Equal((200, 200), (set, status));
        Assert.Equal(("query", ChatIntentClassifier.FallbackReason), (Meta(body!).Action, Meta(body!).Reason));
        Assert.Equal(before, _fixture.Llm.Requests.Count);
    }

    [Theory]
    [InlineData("""{"user_id":"u1","message":"hi"}""", "org_id")]
    [InlineData("""{"org_id":"TENANT","message":"hi"}""", "user_id")]
    [InlineData("""{"org_id":"TENANT","user_id":"u1"}""", "message")]
    [InlineData("""{"org_id":"TENANT","user_id":"u1","message":""}""", "message")]
    public async Task A_request_missing_a_field_or_with_an_empty_message_is_a_422_naming_it(string body, string field)
    {
        var tenant = NewTenant("bad");

        var (status, answer) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "member", body.Replace("TENANT", tenant, StringComparison.Ordinal));

        Assert.Equal(422, status);
        Assert.Equal(field, answer!["detail"]![0]!["loc"]!.AsArray()[^1]!.GetValue<string>());
    }

    [Fact]
    public async Task A_viewer_and_another_tenant_are_refused_before_anything_starts()
    {
        var tenant = NewTenant("deny");

        var (viewer, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", tenant, "viewer", Say(tenant, "show me dau"));
        var (foreign, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/chat/run", "org_chat_someone_else", "admin", Say(tenant, "show me dau"));

        Assert.Equal((403, 403), (viewer, foreign));
        Assert.Empty(await _fixture.Storage.Audit.ListAsync(tenant, "chat_run", 10, CancellationToken.None));
        Assert.Empty(await _fixture.Storage.Runs.ListAsync(tenant, null, null, CancellationToken.None));
    }

    private static (string Action, bool Llm, string Reason, string User) Meta(JsonNode body)
    {
        var meta = body["meta"] ?? throw new InvalidOperationException("no meta: " + body.ToJsonString());
        return (meta["intent_action"]!.GetValue<string>(), meta["llm_configured"]!.GetValue<bool>(), meta["interpreter_reason"]!.GetValue<string>(), meta["user_id"]!.GetValue<string>());
    }
}
