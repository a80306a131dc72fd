using System.Text.Json.Nodes;
using Autopilot.Core.Llm.Evaluation;
using Autopilot.Core.Memos;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Llm.Evaluation;

namespace Autopilot.Tests.Chat;

/// <summary>
/// <c>POST /api/v1/llm/evaluate-memo</c> and <c>GET /api/v1/llm/eval-runs</c> on the chat fixture's server (one server
/// start for both features): two evaluation providers, one answering the packet's valid memo and one with a wrong number.
/// </summary>
public sealed partial class ChatRouteTests
{
    private static readonly string[] ProviderNames = ["bad_eval", "good_eval", "primary"];

    [Fact]
    public async Task Memo_evaluation_grades_each_provider_under_blind_labels_stores_the_run_and_accounts_each_call()
    {
        var tenant = NewTenant("eval");
        var other = NewTenant("eval2");
        var good = DeterministicMemoWriter.Write(DemoMemoPacket.Packet);
        var bad = (JsonObject)good.DeepClone();
        bad["key_changes"]![0]!["current"] = 99999;
        for (var i = 0; i < 4; i++)
        {
            _fixture.GoodEval.AnswerWith(good.ToJsonString());
            _fixture.BadEval.AnswerWith(bad.ToJsonString());
        }

        var (status, first) = await Http.SendAsync(HttpMethod.Post, "api/v1/llm/evaluate-memo", tenant, "admin", """{"runs_per_provider":2}""");
        var (_, second) = await Http.SendAsync(HttpMethod.Post, "api/v1/llm/evaluate-memo", tenant, "admin", "{}");
        var (_, foreign) = await Http.SendAsync(HttpMethod.Post, "api/v1/llm/evaluate-memo", other, "admin", null);

        Assert.Equal(200, status);
        var mapping = MemoEvaluationRulesTests.ByTheRule(tenant, ProviderNames).ToDictionary(m => m.Name, m => m.Label);
        var results = first!["results"]!.AsObject();
        Assert.Equal(mapping.Values.Order(), results.Select(r => r.Key).Order());
        Assert.Equal((2, 2, 2), Stats(results[mapping["good_eval"]]!));
        Assert.Equal((2, 2, 0), Stats(results[mapping["bad_eval"]]!));
        Assert.Equal(2, results[mapping["bad_eval"]]!["metric_names_ok"]!.GetValue<int>());
        Assert.Equal(0, results[mapping["bad_eval"]]!["numbers_ok"]!.GetValue<int>());
        Assert.Equal((2, 0, 0), Stats(results[mapping["primary"]]!));
        Assert.Contains(MemoEvaluator.InvalidStructure, results[mapping["primary"]]!["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var body in new[] { first, second, foreign })
        {
            Assert.DoesNotContain("good_eval", body!.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("bad_eval", body.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("secret", body.ToJsonString(), StringComparison.Ordinal);
        }

        // Same org, same labels; another org's labels by the same rule.
        Assert.Equal((1, 1, 1), Stats(second!["results"]![mapping["good_eval"]]!));
        var foreignMapping = MemoEvaluationRulesTests.ByTheRule(other, ProviderNames).ToDictionary(m => m.Name, m => m.Label);
        Assert.Equal((1, 1, 1), Stats(foreign!["results"]![foreignMapping["good_eval"]]!));
        var audits = await _fixture.Storage.Audit.ListAsync(tenant, "memo_provider_evaluation", 10, CancellationToken.None);
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Equal(mapping.ToDictionary(m => m.Value, m => m.Key).OrderBy(m => m.Key), a.Payload["blind_mapping"]!.AsObject().Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())).OrderBy(m => m.Key)));

        var (_, runs) = await Http.SendAsync(HttpMethod.Get, $"api/v1/llm/eval-runs?org_id={tenant}&task_type=memo_evaluation", tenant, "member");
        var (_, none) = await Http.SendAsync(HttpMethod.Get, $"api/v1/llm/eval-runs?org_id={tenant}&task_type=intent_classification", tenant, "member");
        var (_, one) = await Http.SendAsync(HttpMethod.Get, $"api/v1/llm/eval-runs?org_id={tenant}&limit=1", tenant, "member");
        Assert.Equal(2, runs!["count"]!.GetValue<int>());
        Assert.Equal(new[] { second["run_id"]!.GetValue<string>(), first["run_id"]!.GetValue<string>() }, runs["items"]!.AsArray().Select(i => i!["run_id"]!.GetValue<string>()));
        Assert.Equal(0, none!["count"]!.GetValue<int>());
        Assert.Equal(1, one!["count"]!.GetValue<int>());
        Assert.DoesNotContain("good_eval", runs.ToJsonString(), StringComparison.Ordinal);

        var (_, usage) = await Http.SendAsync(HttpMethod.Get, $"api/v1/llm/usage?org_id={tenant}", tenant, "member");
        Assert.Equal(9, usage!["by_task"]!["memo_evaluation"]!["requests"]!.GetValue<int>());
        Assert.Equal(3, usage["by_provider"]!["good_eval"]!["requests"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("api/v1/llm/eval-runs?org_id=TENANT&limit=0", null)]
    [InlineData("api/v1/llm/eval-runs?org_id=TENANT&limit=201", null)]
    [InlineData("api/v1/llm/evaluate-memo", """{"runs_per_provider":51}""")]
    [InlineData("api/v1/llm/evaluate-memo", """{"runs_per_provider":0}""")]
    [InlineData("api/v1/llm/evaluate-memo", """{"packet":{"kpis":"no"}}""")]
    public async Task Evaluation_inputs_out_of_range_are_422(string path, string? body)
    {
        var tenant = NewTenant("evbad");

        var (status, _) = await Http.SendAsync(body is null ? HttpMethod.Get : HttpMethod.Post, path.Replace("TENANT", tenant, StringComparison.Ordinal), tenant, "admin", body);

        Assert.Equal(422, status);
    }

    [Fact]
    public async Task A_member_cannot_evaluate_and_status_lists_the_eval_providers_without_keys()
    {
        var tenant = NewTenant("evrole");

        var (member, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/llm/evaluate-memo", tenant, "member", "{}");
        var (_, status) = await Http.SendAsync(HttpMethod.Get, "api/v1/llm/status", null, null);

        Assert.Equal(403, member);
        Assert.True(status!["eval_enabled"]!.GetValue<bool>());
        Assert.Equal(new[] { "bad_eval", "good_eval" }, status["eval_providers"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        Assert.DoesNotContain("secret", status.ToJsonString(), StringComparison.Ordinal);
    }

    private static (int Runs, int ValidJson, int Passed) Stats(JsonNode stats) =>
        (stats["runs"]!.GetValue<int>(), stats["valid_json"]!.GetValue<int>(), stats["passed_all_checks"]!.GetValue<int>());
}
