using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Memos;

/// <summary>
/// MEMO-13 in the workflow: a language model whose three memos all state a wrong number leaves the raw-metrics fallback
/// stored with the last failing validation, and the run still succeeds.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class WeeklyMemoFallbackTests : IAsyncLifetime
{
    private const string Wrong = """
        {"headline_summary":["Active users doubled"],"key_changes":[{"metric_name":"Active users","current":1}],
         "likely_causes":[],"recommended_actions":[],"data_quality_notes":[]}
        """;

    private readonly ScriptedChatClient _chat = new(Wrong, Wrong, Wrong);
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync("memofb", configure: services =>
        services.AddSingleton<IMemoWriter>(new LlmMemoWriter(_chat, new LlmPlannerOptions { Model = "m", ApiKey = "k" })));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Three_failing_memos_store_the_fallback_with_the_last_failing_validation()
    {
        var tenant = "org_memofb" + Guid.NewGuid().ToString("N")[..8];

        var (_, body) = await MemoRuns.RunAsync(_engine, tenant, SharedDemoWarehouse.Today);

        Assert.Equal(WorkflowStatus.Success, body["status"]!.GetValue<string>());
        Assert.False(body["validation"]!["passed"]!.GetValue<bool>());
        var stored = (await _engine.Services.GetRequiredService<ArtifactStore>().VersionAsync(tenant, body["artifact_id"]!.GetValue<string>(), 1, CancellationToken.None))!;
        var users = stored.Data["packet"]!["kpis"]![0]!["current_value"]!.GetValue<double>();
        var expected = $"Current value mismatch for Active users: got 1.0, expected {MemoNumbers.Text(users)}";
        Assert.Equal([expected], stored.Data["validation"]!["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.True(stored.Data["memo"]!["fallback"]!.GetValue<bool>());
        Assert.Equal(MemoFallback.Headline, stored.Data["memo"]!["headline_summary"]![0]!.GetValue<string>());
        Assert.Equal(3, _chat.Calls.Count);
        Assert.Contains(expected, _chat.Calls[2].Messages[0].Text, StringComparison.Ordinal);
    }
}
