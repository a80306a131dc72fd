using System.Diagnostics;
using Autopilot.Core.Alerts;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Tests.Agent.Llm;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Memos;

/// <summary>
/// Durability of a weekly memo: the server is killed with SIGKILL while the language-model writer's request is in flight
/// (after the KPI queries ran); a restarted server finishes the memo with one artifact version, one completion audit
/// row and one alert per data-quality note — nothing lost, nothing doubled.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class MemoKillNineTests
{
    private readonly ITestOutputHelper _output;

    public MemoKillNineTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_memo_killed_while_the_writer_waits_finishes_after_restart_with_one_version_one_audit_row_and_no_duplicate_alerts()
    {
        await using var llm = await FakeChatCompletionsServer.StartAsync();
        // The first writer call hangs (the server dies during it); later calls get no scripted reply → 500 → MEMO-11.
        llm.Stall(TimeSpan.FromMinutes(5));
        var environment = new Dictionary<string, string>
        {
            ["AGENT_LLM_PLANNER"] = "true",
            ["LLM_PROVIDER"] = "openai",
            ["LLM_MODEL"] = "gpt-test",
            ["LLM_API_KEY"] = "test-key",
            ["LLM_API_BASE_URL"] = new Uri(llm.BaseUri, "v1").ToString(),
        };
        var hub = TestEnvironment.NewHubName("memokill");
        var tenant = "org_memokill_" + Guid.NewGuid().ToString("N")[..8];
        string workflowId;

        await using (var first = new ServerProcess(hub, SharedDemoWarehouse.Path, environment))
        {
            await first.StartAsync();
            using var http = first.CreateClient();
            var (status, started) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/memo?org_id={tenant}&wait_seconds=0", tenant, "member");
            Assert.Equal(202, status);
            workflowId = started!["workflow_id"]!.GetValue<string>();

            await Poll.UntilAsync(() => llm.Requests.Count > 0, TimeSpan.FromMinutes(3), "the memo writer never called the language model");
            first.Kill();
        }

        var restart = Stopwatch.StartNew();
        await using var second = new ServerProcess(hub, SharedDemoWarehouse.Path, environment);
        await second.StartAsync();
        using var client = second.CreateClient();
        var done = await client.WaitForRunAsync(tenant, workflowId, TimeSpan.FromMinutes(3));
        _output.WriteLine($"memo finished {restart.Elapsed.TotalSeconds:F1} s after the restart began; the model was asked {llm.Requests.Count} times");

        Assert.Equal("success", done["status"]!.GetValue<string>());
        var store = new StorageFactory(hub);
        var memo = Assert.Single(await store.Artifacts.ListAsync(tenant, ArtifactTypes.Memo, CancellationToken.None));
        Assert.Equal(1, memo.Version);
        var version = (await store.Artifacts.VersionAsync(tenant, memo.ArtifactId, 1, CancellationToken.None))!;
        Assert.Equal(DeterministicMemoWriter.Name, version.Data["writer"]!.GetValue<string>());

        var audit = await store.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None);
        Assert.Single(audit, e => e.Payload["workflow_id"]?.GetValue<string>() == workflowId);

        // One live alert per distinct note: a replayed alert stage updated, it did not add.
        var notes = version.Data["packet"]!["anomaly_notes"]!.AsArray().Select(n => n!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList();
        var alerts = new AlertStore(store.Tables, new Core.Tenants.TenantSettingsStore(store.Tables), TimeProvider.System);
        var memoAlerts = (await alerts.ListAsync(tenant, null, CancellationToken.None)).Where(a => a.SourceType == "data_quality").ToList();
        Assert.Equal(notes.Select(RaiseMemoAlertsActivity.DedupeKey).Order(StringComparer.Ordinal), memoAlerts.Select(a => a.DedupeKey).Order(StringComparer.Ordinal));
    }
}
