using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Catalog;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Artifacts;

/// <summary>The artifact store on Azurite: versions per build, idempotent publishing, races, large data, diff and lineage.</summary>
public sealed class ArtifactStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly ArtifactStore _store;

    public ArtifactStoreTests() =>
        _store = new ArtifactStore(
            new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("art") }),
            _time);

    private static ArtifactDraft Draft(string build, int value, params string[] hashes) =>
        new(ArtifactTypes.Dashboard, "exec_overview", build, new JsonObject { ["value"] = value }, hashes, ["analytics.events"]);

    [Fact]
    public async Task Each_build_adds_one_version_of_the_same_artifact_and_keeps_the_first_creation_time()
    {
        var first = await _store.PublishAsync("acme", Draft("b1", 1, "h1"), CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(7));
        var second = await _store.PublishAsync("acme", Draft("b2", 2, "h1", "h2"), CancellationToken.None);

        Assert.Equal(first.ArtifactId, second.ArtifactId);
        Assert.Equal((1, 2), (first.Version, second.Version));
        var head = await _store.GetAsync("acme", first.ArtifactId, CancellationToken.None);
        Assert.Equal(2, head!.Version);
        Assert.Equal(first.CreatedAt, head.CreatedAt);
        Assert.Equal(second.CreatedAt, head.UpdatedAt);
        var versions = await _store.VersionsAsync("acme", first.ArtifactId, CancellationToken.None);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(1, versions[0].Data["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_build_publishing_again_gets_its_version_back_and_adds_none()
    {
        var first = await _store.PublishAsync("acme", Draft("b1", 1), CancellationToken.None);
        var again = await _store.PublishAsync("acme", Draft("b1", 99), CancellationToken.None);

        Assert.Equal((first.ArtifactId, 1, 1), (again.ArtifactId, again.Version, again.Data["value"]!.GetValue<int>()));
        Assert.Single(await _store.VersionsAsync("acme", first.ArtifactId, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_builds_of_one_artifact_get_distinct_consecutive_versions()
    {
        var published = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _store.PublishAsync("acme", Draft($"race-{i}", i), CancellationToken.None)));

        Assert.Single(published.Select(p => p.ArtifactId).Distinct());
        Assert.Equal([1, 2, 3, 4, 5, 6], published.Select(p => p.Version).Order());
        var versions = await _store.VersionsAsync("acme", published[0].ArtifactId, CancellationToken.None);
        Assert.Equal(6, versions.Count);
        Assert.Equal(6, (await _store.GetAsync("acme", published[0].ArtifactId, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Tenants_and_keys_are_separate_artifacts_and_listing_is_newest_first_with_a_type_filter()
    {
        var exec = await _store.PublishAsync("acme", Draft("b1", 1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var memo = await _store.PublishAsync("acme", new ArtifactDraft(ArtifactTypes.Memo, "weekly", "m1", new JsonObject(), [], []), CancellationToken.None);
        await _store.PublishAsync("globex", Draft("g1", 1), CancellationToken.None);

        Assert.Equal([memo.ArtifactId, exec.ArtifactId], (await _store.ListAsync("acme", null, CancellationToken.None)).Select(a => a.ArtifactId));
        Assert.Equal([memo.ArtifactId], (await _store.ListAsync("acme", ArtifactTypes.Memo, CancellationToken.None)).Select(a => a.ArtifactId));
        Assert.Null(await _store.GetAsync("globex", exec.ArtifactId, CancellationToken.None));
        Assert.Empty(await _store.VersionsAsync("globex", exec.ArtifactId, CancellationToken.None));
    }

    [Fact]
    public async Task Data_larger_than_one_table_property_round_trips_and_data_beyond_the_limit_is_refused()
    {
        var text = new string('x', 200_000);
        var large = new ArtifactDraft(ArtifactTypes.Memo, "weekly", "big", new JsonObject { ["body"] = text }, [], []);
        var published = await _store.PublishAsync("acme", large, CancellationToken.None);
        var read = await _store.VersionAsync("acme", published.ArtifactId, 1, CancellationToken.None);
        Assert.Equal(text, read!.Data["body"]!.GetValue<string>());

        var tooLarge = large with { BuildId = "too-big", Data = new JsonObject { ["body"] = new string('y', ArtifactStore.MaxDataChars) } };
        await Assert.ThrowsAsync<ArgumentException>(() => _store.PublishAsync("acme", tooLarge, CancellationToken.None));
        Assert.Single(await _store.VersionsAsync("acme", published.ArtifactId, CancellationToken.None));
    }

    [Fact]
    public async Task Marking_stale_flags_every_artifact_of_the_tenant_only_and_a_new_version_clears_it()
    {
        var acme = await _store.PublishAsync("acme", Draft("b1", 1), CancellationToken.None);
        var globex = await _store.PublishAsync("globex", Draft("g1", 1), CancellationToken.None);

        Assert.Equal(1, await _store.MarkAllStaleAsync("acme", CancellationToken.None));
        Assert.Equal(0, await _store.MarkAllStaleAsync("acme", CancellationToken.None));

        Assert.True((await _store.GetAsync("acme", acme.ArtifactId, CancellationToken.None))!.Stale);
        Assert.False((await _store.GetAsync("globex", globex.ArtifactId, CancellationToken.None))!.Stale);
        // CONN-9's fix: regenerating the artifact (a new version from fresh data) is no longer stale.
        var next = await _store.PublishAsync("acme", Draft("b2", 2), CancellationToken.None);
        Assert.False((await _store.GetAsync("acme", next.ArtifactId, CancellationToken.None))!.Stale);
    }

    [Fact]
    public async Task Diff_lists_hashes_added_and_removed_sorted_then_a_data_change_and_says_why_when_it_cannot_compare()
    {
        var v1 = await _store.PublishAsync("acme", Draft("b1", 1, "h1", "h2"), CancellationToken.None);
        var v2 = await _store.PublishAsync("acme", Draft("b2", 1, "h2", "h4", "h3"), CancellationToken.None);
        var v3 = await _store.PublishAsync("acme", Draft("b3", 5, "h2", "h4", "h3"), CancellationToken.None);
        var versions = await _store.VersionsAsync("acme", v1.ArtifactId, CancellationToken.None);

        var explicitDiff = ArtifactDiff.Compare(versions, 1, 2);
        Assert.Equal((1, 2), (explicitDiff.FromVersion, explicitDiff.ToVersion));
        Assert.Equal(["query_hash_added", "query_hash_removed"], explicitDiff.Changes.Select(c => c.Type));
        Assert.Equal(["h3", "h4"], explicitDiff.Changes[0].Values!);
        Assert.Equal(["h1"], explicitDiff.Changes[1].Values!);

        var latest = ArtifactDiff.Compare(versions, null, 3);
        Assert.Equal((v2.Version, v3.Version), (latest.FromVersion!.Value, latest.ToVersion!.Value));
        Assert.Equal("artifact_data_changed", Assert.Single(latest.Changes).Type);

        Assert.Equal(ArtifactDiff.VersionNotFound, ArtifactDiff.Compare(versions, 1, 9).Note);
        Assert.Equal(ArtifactDiff.NeedTwoVersions, ArtifactDiff.Compare(versions.Take(1).ToList(), null, null).Note);
    }

    [Fact]
    public async Task Lineage_draws_the_tables_the_queries_read_not_the_whole_catalog()
    {
        var draft = Draft("b1", 1, "h1") with { Tables = ["analytics.orders", "analytics.events", "analytics.gone"] };
        var version = await _store.PublishAsync("acme", draft, CancellationToken.None);
        var artifact = (await _store.GetAsync("acme", version.ArtifactId, CancellationToken.None))!;
        CatalogTable Table(string name, long rows) => new("conn", "analytics", name, rows, 0, null, null, null, 2.5, [], _time.GetUtcNow());

        var graph = ArtifactLineage.Build(artifact, version, [Table("events", 1000), Table("orders", 50), Table("users", 10)]);

        Assert.Equal(["artifact:" + version.ArtifactId, "table:analytics.events", "table:analytics.gone", "table:analytics.orders"], graph.Nodes.Select(n => n.Id));
        Assert.Equal(3, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.Equal(("artifact:" + version.ArtifactId, "depends_on"), (e.From, e.Type)));
        Assert.Equal(1000L, graph.Nodes[1].Meta["row_count_est"]);
        Assert.Equal(false, graph.Nodes[2].Meta["in_catalog"]);
        Assert.Equal("dashboard v1", graph.Nodes[0].Label);
    }
}
