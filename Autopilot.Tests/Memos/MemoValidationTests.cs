using System.Text.Json.Nodes;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Memos;
using Autopilot.Tests.Agent.Llm;
using Microsoft.Extensions.AI;

namespace Autopilot.Tests.Memos;

/// <summary>
/// MEMO-15..18, each broken by a scripted language-model writer, with the exact messages; the retry loop that tells the
/// next attempt the errors (MEMO-10/12); the fallback after three failures (MEMO-13); and any LLM failure → MEMO-11.
/// </summary>
public sealed class MemoValidationTests
{
    private static readonly LlmPlannerOptions Options = new() { Model = "test-model", ApiKey = "k" };

    private static string Memo(string keyChanges, string causes = """[{"hypothesis":"h","supporting_evidence":"Revenue grew","evidence_type":"data_supported"}]""") =>
        $$"""{"headline_summary":["s"],"key_changes":{{keyChanges}},"likely_causes":{{causes}},"recommended_actions":["a"],"data_quality_notes":[]}""";

    private const string AllCovered = """
        [{"metric_name":"Revenue","current":125500.5,"previous":100000,"delta_pct":25.5,"delta_absolute":25500.5},
         {"metric_name":"Orders","current":1120,"previous":1000.0,"delta_pct":12,"delta_absolute":120}]
        """;

    public static TheoryData<string, string, string> BrokenRules => new()
    {
        { "MEMO-15", Memo(AllCovered.TrimEnd()[..^1] + """,{"metric_name":"Churn","current":1}]"""), "Unknown metric 'Churn' not in packet" },
        { "MEMO-16 current", Memo(AllCovered.Replace("\"current\":1120", "\"current\":1121", StringComparison.Ordinal)), "Current value mismatch for Orders: got 1121.0, expected 1120.0" },
        { "MEMO-16 previous", Memo(AllCovered.Replace("\"previous\":100000", "\"previous\":100000.01", StringComparison.Ordinal)), "Previous value mismatch for Revenue: got 100000.01, expected 100000.0" },
        { "MEMO-16 delta_pct", Memo(AllCovered.Replace("\"delta_pct\":25.5", "\"delta_pct\":25.50001", StringComparison.Ordinal)), "Delta percent mismatch for Revenue: got 25.50001, expected 25.5" },
        { "MEMO-16 delta_absolute", Memo(AllCovered.Replace("\"delta_absolute\":120", "\"delta_absolute\":\"120\"", StringComparison.Ordinal)), "Delta absolute mismatch for Orders: got \"120\", expected 120.0" },
        { "MEMO-18", Memo(AllCovered, """[{"hypothesis":"h","supporting_evidence":"Revenue","evidence_type":"anecdotal"}]"""), "Invalid evidence_type: anecdotal" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task A_writer_breaking_a_rule_is_retried_with_the_error_and_falls_back_after_three_failures(string rule, string answer, string error)
    {
        var chat = new ScriptedChatClient(answer, answer, answer);

        var result = await MemoComposer.ComposeAsync(new LlmMemoWriter(chat, Options), MemoPackets.Shop(), CancellationToken.None);

        Assert.False(result.Validation.Passed, rule);
        Assert.Equal([error], result.Validation.Errors);
        Assert.Equal((MemoComposer.FallbackWriter, 3, true), (result.Writer, result.Attempts, result.Memo["fallback"]!.GetValue<bool>()));
        Assert.Equal(3, chat.Calls.Count);
        Assert.DoesNotContain(error, chat.Calls[0].Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("- " + error, chat.Calls[1].Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("- " + error, chat.Calls[2].Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_that_fixes_the_errors_is_kept()
    {
        var broken = Memo(AllCovered.Replace("\"current\":1120", "\"current\":1121", StringComparison.Ordinal));
        var chat = new ScriptedChatClient(broken, Memo(AllCovered));

        var result = await MemoComposer.ComposeAsync(new LlmMemoWriter(chat, Options), MemoPackets.Shop(), CancellationToken.None);

        Assert.True(result.Validation.Passed);
        Assert.Equal((LlmMemoWriter.Name, 2), (result.Writer, result.Attempts));
        Assert.Equal("s", result.Memo["headline_summary"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Numbers_must_be_exactly_equal_but_integers_equal_their_float_and_absent_fields_are_not_checked()
    {
        var packet = MemoPackets.Shop();
        var exact = JsonNode.Parse(Memo("""[{"metric_name":"Active users","current":12450,"previous":12450.0},{"metric_name":"Revenue"},{"metric_name":"Orders","delta_pct":12.0}]"""))!.AsObject();
        var near = JsonNode.Parse(Memo("""[{"metric_name":"Revenue","current":125500.49},{"metric_name":"Orders"}]"""))!.AsObject();

        Assert.True(MemoValidator.Validate(packet, exact).Passed);
        Assert.Equal(["Current value mismatch for Revenue: got 125500.49, expected 125500.5"], MemoValidator.Validate(packet, near).Errors);
    }

    [Fact]
    public void Unknown_metrics_are_reported_before_mismatches_and_skipped_by_the_number_check()
    {
        var memo = JsonNode.Parse(Memo("""[{"metric_name":"Orders","current":1},{"metric_name":"Churn","current":5},{"metric_name":"","current":5},{"metric_name":"Revenue"}]""",
            """[{"hypothesis":"h","supporting_evidence":"x","evidence_type":"guess"}]"""))!.AsObject();

        var validation = MemoValidator.Validate(MemoPackets.Shop(), memo);

        Assert.Equal(["Unknown metric 'Churn' not in packet", "Current value mismatch for Orders: got 1.0, expected 1120.0", "Invalid evidence_type: guess"], validation.Errors);
    }

    [Fact]
    public void Leaving_out_significant_kpis_is_one_warning_naming_them_sorted_and_still_passes()
    {
        var memo = JsonNode.Parse(Memo("""[{"metric_name":"Active users"}]"""))!.AsObject();

        var validation = MemoValidator.Validate(MemoPackets.Shop(), memo);

        Assert.True(validation.Passed);
        Assert.Equal(["Missing notable metrics in memo: ['Orders', 'Revenue']"], validation.Warnings);
    }

    [Theory]
    [InlineData("Orders rose", "data_supported", "Orders rose")]
    [InlineData("the PAID_SOCIAL channel grew", "data_supported", "the PAID_SOCIAL channel grew")]
    [InlineData("competitors cut prices", "speculative", "no supporting data")]
    public void A_data_supported_cause_must_cite_a_kpi_or_segment_or_it_is_rewritten_to_speculative(string evidence, string type, string kept)
    {
        var memo = JsonNode.Parse(Memo(AllCovered, $$"""[{"hypothesis":"h","supporting_evidence":"{{evidence}}","evidence_type":"data_supported"}]"""))!.AsObject();

        var validation = MemoValidator.Validate(MemoPackets.Shop(), memo);

        Assert.True(validation.Passed);
        Assert.Equal((type, kept), (memo["likely_causes"]![0]!["evidence_type"]!.GetValue<string>(), memo["likely_causes"]![0]!["supporting_evidence"]!.GetValue<string>()));
        Assert.Equal(type == "speculative" ? [MemoValidator.DowngradeWarning] : [], validation.Warnings);
    }

    public static TheoryData<string, object> LlmFailures => new()
    {
        { "service error", new HttpRequestException("503 Service Unavailable") },
        { "not JSON", "Here is your memo: revenue is up" },
        { "a section not a list", Memo(AllCovered).Replace("\"recommended_actions\":[\"a\"]", "\"recommended_actions\":\"a\"", StringComparison.Ordinal) },
        { "a section missing", """{"headline_summary":[],"key_changes":[],"likely_causes":[],"recommended_actions":[]}""" },
    };

    [Theory]
    [MemberData(nameof(LlmFailures))]
    public async Task Any_llm_failure_yields_the_deterministic_memo_credited_to_the_deterministic_writer(string failure, object reply)
    {
        var packet = MemoPackets.Shop();

        var result = await MemoComposer.ComposeAsync(new LlmMemoWriter(new ScriptedChatClient(reply), Options), packet, CancellationToken.None);

        Assert.True(result.Validation.Passed, failure);
        Assert.Equal((1, DeterministicMemoWriter.Name), (result.Attempts, result.Writer));
        Assert.Equal(DeterministicMemoWriter.Write(packet).ToJsonString(), result.Memo.ToJsonString());
    }

    [Fact]
    public async Task The_model_is_asked_for_the_strict_memo_schema_with_the_packet_as_sorted_key_json()
    {
        var chat = new ScriptedChatClient(Memo(AllCovered));
        var packet = MemoPackets.Shop();

        await new LlmMemoWriter(chat, Options).WriteAsync(packet, [], CancellationToken.None);

        var (messages, options) = chat.Calls[0];
        var format = Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
        Assert.Equal(MemoSchema.Name, format.SchemaName);
        Assert.True((bool)options.AdditionalProperties!["strict"]!);
        Assert.Equal(MemoPrompt.Instructions, messages[0].Text);
        Assert.Equal(MemoPacketHash.SortedJson(System.Text.Json.JsonSerializer.SerializeToNode(packet, Autopilot.Core.Engine.AutopilotJson.Options)), messages[1].Text);
    }
}
