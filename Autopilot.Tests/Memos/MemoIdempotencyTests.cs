using Autopilot.Core.Alerts;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Memos;

/// <summary>
/// The memo's side effects are idempotent per run, so a replayed or re-run activity (a worker killed mid-memo) adds
/// nothing: storing twice gives the version already made, raising the same notes twice keeps one alert per note.
/// </summary>
public sealed class MemoIdempotencyTests
{
    private readonly StorageFactory _storage = new("memoidem" + Guid.NewGuid().ToString("N")[..6]);

    [Fact]
    public async Task Storing_the_same_run_twice_makes_one_version_and_the_next_run_the_second()
    {
        var tenant = "org_idem" + Guid.NewGuid().ToString("N")[..8];
        var artifacts = new ArtifactStore(_storage.Tables, TimeProvider.System);
        var activity = new StoreMemoActivity(artifacts);
        var packet = MemoPackets.Shop();
        var written = await MemoComposer.ComposeAsync(new DeterministicMemoWriter(), packet, CancellationToken.None);
        MemoStoreInput Input(string workflowId) => new(tenant, workflowId, packet, MemoPacketHash.Of(packet), written,
            new Dictionary<string, IReadOnlyList<MemoSeriesPoint>>(), ["h_users", "h_revenue", "h_orders"], ["analytics.events"]);

        var first = await activity.RunAsync(null!, Input("wf_aaaaaaaaaaaa"));
        var replayed = await activity.RunAsync(null!, Input("wf_aaaaaaaaaaaa"));
        var next = await activity.RunAsync(null!, Input("wf_bbbbbbbbbbbb"));

        Assert.Equal(first, replayed);
        Assert.Equal((first.ArtifactId, 2), (next.ArtifactId, next.Version));
        var versions = await artifacts.VersionsAsync(tenant, first.ArtifactId, CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(["h_users", "h_revenue", "h_orders"], versions[0].QueryHashes);
        Assert.Equal(MemoPacketHash.Of(packet), versions[0].Data["packet_hash"]!.GetValue<string>());
        Assert.Equal(ArtifactTypes.Memo, (await artifacts.GetAsync(tenant, first.ArtifactId, CancellationToken.None))!.Type);
    }

    [Fact]
    public async Task Raising_the_same_notes_again_keeps_one_p2_alert_per_note()
    {
        var tenant = "org_idem" + Guid.NewGuid().ToString("N")[..8];
        var sink = new AlertStore(_storage.Tables, new Autopilot.Core.Tenants.TenantSettingsStore(_storage.Tables), TimeProvider.System);
        var activity = new RaiseMemoAlertsActivity(sink);
        string[] notes = ["analytics.config table had 720-hour delay", " ", "analytics.events has no rows on 2026-11-24 (previous window (2026-11-22 to 2026-11-28))"];

        Assert.Equal(2, await activity.RunAsync(null!, new MemoAlertsInput(tenant, notes)));
        await activity.RunAsync(null!, new MemoAlertsInput(tenant, notes));

        var alerts = await sink.ListAsync(tenant, null, CancellationToken.None);
        Assert.Equal([notes[0], notes[2]], alerts.Select(a => a.Message).Order(StringComparer.Ordinal));
        Assert.All(alerts, a => Assert.Equal((RaiseMemoAlertsActivity.Title, "P2", "data_quality", "memo", RaiseMemoAlertsActivity.DedupeKey(a.Message)),
            (a.Title, a.Severity, a.SourceType, a.SourceId, a.DedupeKey)));
    }
}
