using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autopilot.Core.Artifacts;

namespace Autopilot.Tests.Artifacts;

/// <summary>
/// Routes #16–#20 over HTTP on a real server and the demo warehouse (spec §11, ART-4..9): a tenant that built its
/// dashboards twice sees each once at version 2, its versions oldest first, their diff, and lineage naming only the tables
/// the cards read; another tenant sees none of it.
/// </summary>
public sealed class ArtifactRouteTests(ArtifactRouteServer server) : IClassFixture<ArtifactRouteServer>
{
    [Fact]
    public async Task The_list_shows_each_dashboard_once_at_version_two_newest_first_and_filters_by_type()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts?org_id={server.Tenant}");
        var (_, dashboards) = await server.GetAsync($"api/v1/artifacts?org_id={server.Tenant}&artifact_type=dashboard");
        var (_, memos) = await server.GetAsync($"api/v1/artifacts?org_id={server.Tenant}&artifact_type=memo");

        Assert.Equal(200, status);
        var items = body!["items"]!.AsArray();
        var stored = await server.Artifacts.ListAsync(server.Tenant, null, CancellationToken.None);
        Assert.Equal(3, items.Count); // Exec Overview, Revenue and Volume, Data Health on the demo warehouse
        Assert.Equal(stored.Select(a => a.ArtifactId), items.Select(i => i!["artifact_id"]!.GetValue<string>()));
        Assert.Contains(server.ExecOverviewId, items.Select(i => i!["artifact_id"]!.GetValue<string>()));
        Assert.All(items, i =>
        {
            Assert.Equal(["artifact_id", "type", "version", "stale", "created_at"], i!.AsObject().Select(p => p.Key));
            Assert.Equal("dashboard", i["type"]!.GetValue<string>());
            Assert.Equal(2, i["version"]!.GetValue<int>());
            Assert.False(i["stale"]!.GetValue<bool>());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", i["created_at"]!.GetValue<string>());
        });
        var created = items.Select(i => i!["created_at"]!.GetValue<string>()).ToList();
        Assert.Equal(created.OrderDescending(StringComparer.Ordinal), created);
        Assert.Equal(3, dashboards!["items"]!.AsArray().Count);
        Assert.Empty(memos!["items"]!.AsArray());
        Assert.Contains(await AuditAsync(server.Tenant, "artifacts_listed"), p => p["count"]!.GetValue<int>() == 3);
    }

    [Fact]
    public async Task An_unknown_artifact_type_is_a_422_naming_the_allowed_values()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts?org_id={server.Tenant}&artifact_type=report");

        Assert.Equal(422, status);
        var issue = body!["detail"]!.AsArray().Single()!;
        Assert.Equal(["query", "artifact_type"], issue["loc"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("report", issue["input"]!.GetValue<string>());
        Assert.All(ArtifactTypes.All, t => Assert.Contains($"'{t}'", issue["msg"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_answers_the_latest_version_with_its_hashes_and_data()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}?org_id={server.Tenant}");

        Assert.Equal(200, status);
        var latest = (await server.Artifacts.VersionAsync(server.Tenant, server.ExecOverviewId, 2, CancellationToken.None))!;
        Assert.Equal(["artifact_id", "tenant_id", "type", "version", "stale", "query_hashes", "data", "created_at"], body!.AsObject().Select(p => p.Key));
        Assert.Equal(server.Tenant, body["tenant_id"]!.GetValue<string>());
        Assert.Equal(2, body["version"]!.GetValue<int>());
        Assert.Equal(latest.QueryHashes, body["query_hashes"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.All(latest.QueryHashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        Assert.True(JsonNode.DeepEquals(latest.Data, body["data"]));
        Assert.Equal("exec_overview", body["data"]!["template"]!.GetValue<string>());
        Assert.Contains(await AuditAsync(server.Tenant, "artifact_viewed"),
            p => p["artifact_id"]!.GetValue<string>() == server.ExecOverviewId && p["version"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task Versions_are_listed_oldest_first_and_page_by_cursor()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/versions?org_id={server.Tenant}");
        var (_, first) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/versions?org_id={server.Tenant}&limit=1");
        var cursor = first!["next_cursor"]!.GetValue<string>();
        var (_, second) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/versions?org_id={server.Tenant}&limit=1&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(200, status);
        Assert.Equal(server.ExecOverviewId, body!["artifact_id"]!.GetValue<string>());
        Assert.Equal([1, 2], body["items"]!.AsArray().Select(i => i!["version"]!.GetValue<int>()));
        Assert.All(body["items"]!.AsArray(), i => Assert.Equal(["version", "created_at", "query_hashes", "data"], i!.AsObject().Select(p => p.Key)));
        Assert.Null(body["next_cursor"]);
        Assert.Equal([1], first["items"]!.AsArray().Select(i => i!["version"]!.GetValue<int>()));
        Assert.Equal([2], second!["items"]!.AsArray().Select(i => i!["version"]!.GetValue<int>()));
        Assert.Contains(await AuditAsync(server.Tenant, "artifact_versions_viewed"),
            p => p["artifact_id"]!.GetValue<string>() == server.ExecOverviewId && p["count"]!.GetValue<int>() == 2);
    }

    [Fact]
    public async Task Diff_between_versions_one_and_two_lists_exactly_what_changed_between_the_two_builds()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/diff?org_id={server.Tenant}&from_version=1&to_version=2");
        var (_, defaulted) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/diff?org_id={server.Tenant}");

        Assert.Equal(200, status);
        var versions = await server.Artifacts.VersionsAsync(server.Tenant, server.ExecOverviewId, CancellationToken.None);
        var expected = new JsonArray();
        var added = versions[1].QueryHashes.Except(versions[0].QueryHashes).Order(StringComparer.Ordinal).ToList();
        var removed = versions[0].QueryHashes.Except(versions[1].QueryHashes).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0) { expected.Add(new JsonObject { ["type"] = "query_hash_added", ["values"] = new JsonArray([.. added.Select(h => (JsonNode)h)]) }); }
        if (removed.Count > 0) { expected.Add(new JsonObject { ["type"] = "query_hash_removed", ["values"] = new JsonArray([.. removed.Select(h => (JsonNode)h)]) }); }
        if (!JsonNode.DeepEquals(versions[0].Data, versions[1].Data)) { expected.Add(new JsonObject { ["type"] = "artifact_data_changed", ["from_version"] = 1, ["to_version"] = 2 }); }
        Assert.Equal(["artifact_id", "tenant_id", "from_version", "to_version", "changes"], body!.AsObject().Select(p => p.Key));
        Assert.Equal(1, body["from_version"]!.GetValue<int>());
        Assert.Equal(2, body["to_version"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(expected, body["changes"]), $"expected {expected.ToJsonString()}, got {body["changes"]!.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(body, defaulted), "neither version given compares the two highest");
        Assert.Contains(await AuditAsync(server.Tenant, "artifact_diff_viewed"), p => p["artifact_id"]!.GetValue<string>() == server.ExecOverviewId);
    }

    [Fact]
    public async Task Diff_names_added_and_removed_hashes_and_changed_data_and_explains_when_it_cannot_compare()
    {
        var tenant = "org_artdiff" + Guid.NewGuid().ToString("N")[..8];
        var one = await PublishAsync(tenant, "b1", ["h_a", "h_b"], 1);
        await PublishAsync(tenant, "b2", ["h_b", "h_d", "h_c"], 2);
        var id = one.ArtifactId;

        var (_, body) = await server.GetAsync($"api/v1/artifacts/{id}/diff?org_id={tenant}&from_version=1&to_version=2", tenant);
        var (_, missing) = await server.GetAsync($"api/v1/artifacts/{id}/diff?org_id={tenant}&from_version=1&to_version=7", tenant);
        var (_, onlyOne) = await server.GetAsync($"api/v1/artifacts/{id}/diff?org_id={tenant}&from_version=2", tenant);
        var (notInt, invalid) = await server.GetAsync($"api/v1/artifacts/{id}/diff?org_id={tenant}&from_version=one&to_version=2", tenant);

        Assert.Equal(
            """[{"type":"query_hash_added","values":["h_c","h_d"]},{"type":"query_hash_removed","values":["h_a"]},{"type":"artifact_data_changed","from_version":1,"to_version":2}]""",
            body!["changes"]!.ToJsonString());
        Assert.Equal(["artifact_id", "tenant_id", "changes", "note"], missing!.AsObject().Select(p => p.Key));
        Assert.Equal(ArtifactDiff.VersionNotFound, missing["note"]!.GetValue<string>());
        Assert.Equal(1, onlyOne!["from_version"]!.GetValue<int>()); // only one given: the two highest, like the seed
        Assert.Equal(422, notInt);
        Assert.Equal(["query", "from_version"], invalid!["detail"]![0]!["loc"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task Lineage_names_only_the_tables_the_cards_read_not_every_catalog_table()
    {
        var (status, body) = await server.GetAsync($"api/v1/artifacts/{server.ExecOverviewId}/lineage?org_id={server.Tenant}");

        Assert.Equal(200, status);
        var catalog = await server.Storage.Catalog.ListTablesAsync(server.Tenant, CancellationToken.None);
        var latest = (await server.Artifacts.VersionAsync(server.Tenant, server.ExecOverviewId, 2, CancellationToken.None))!;
        var sql = string.Join("\n", latest.Data["cards"]!.AsArray().Select(c => c!["sql"]!.GetValue<string>())).Replace("`", "", StringComparison.Ordinal);
        var read = catalog.Select(t => $"{t.Dataset}.{t.Table}")
            .Where(name => Regex.IsMatch(sql, $@"(?<![\w.]){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        var nodes = body!["nodes"]!.AsArray();
        var root = nodes[0]!;
        Assert.Equal($"artifact:{server.ExecOverviewId}", root["id"]!.GetValue<string>());
        Assert.Equal("artifact", root["kind"]!.GetValue<string>());
        Assert.Equal("dashboard v2", root["label"]!.GetValue<string>());
        Assert.Equal(read, nodes.Skip(1).Select(n => n!["label"]!.GetValue<string>()));
        Assert.All(nodes.Skip(1), n => Assert.Equal($"table:{n!["label"]}", n["id"]!.GetValue<string>()));
        Assert.All(nodes.Skip(1), n => Assert.True(n!["meta"]!["in_catalog"]!.GetValue<bool>()));
        Assert.Equal(read.Select(t => $"table:{t}"), body["edges"]!.AsArray().Select(e => e!["to"]!.GetValue<string>()));
        Assert.All(body["edges"]!.AsArray(), e => Assert.Equal("depends_on", e!["type"]!.GetValue<string>()));
        Assert.True(read.Count >= 1 && read.Count < catalog.Count, $"the cards read {read.Count} of {catalog.Count} catalog tables");
        Assert.Contains(await AuditAsync(server.Tenant, "artifact_lineage_viewed"), p => p["nodes"]!.GetValue<int>() == nodes.Count);
    }

    [Fact]
    public async Task Another_tenant_never_sees_the_artifact_it_is_answered_like_an_unknown_id()
    {
        var other = server.OtherTenant;
        var id = server.ExecOverviewId;

        var (getStatus, get) = await server.GetAsync($"api/v1/artifacts/{id}?org_id={other}", other);
        var (unknownStatus, unknown) = await server.GetAsync($"api/v1/artifacts/art_000000000000?org_id={other}", other);
        var (_, list) = await server.GetAsync($"api/v1/artifacts?org_id={other}", other);
        var (_, versions) = await server.GetAsync($"api/v1/artifacts/{id}/versions?org_id={other}", other);
        var (_, lineage) = await server.GetAsync($"api/v1/artifacts/{id}/lineage?org_id={other}", other);
        var (_, diff) = await server.GetAsync($"api/v1/artifacts/{id}/diff?org_id={other}", other);
        var (scopeStatus, _) = await server.GetAsync($"api/v1/artifacts/{id}?org_id={server.Tenant}", other);

        Assert.Equal(404, getStatus);
        Assert.Equal("Artifact not found", get!["detail"]!.GetValue<string>());
        Assert.Equal((404, get.ToJsonString()), (unknownStatus, unknown!.ToJsonString()));
        Assert.Empty(list!["items"]!.AsArray());
        Assert.Empty(versions!["items"]!.AsArray());
        Assert.Empty(lineage!["nodes"]!.AsArray());
        Assert.Empty(lineage["edges"]!.AsArray());
        Assert.Equal(ArtifactDiff.NeedTwoVersions, diff!["note"]!.GetValue<string>());
        Assert.Equal(403, scopeStatus); // naming the owner's org with another tenant's identity is refused before any read
    }

    private async Task<ArtifactVersion> PublishAsync(string tenant, string build, string[] hashes, int n) =>
        await server.Artifacts.PublishAsync(tenant, new ArtifactDraft(ArtifactTypes.Memo, "weekly", build,
            new JsonObject { ["n"] = n }, hashes, ["analytics.events"]), CancellationToken.None);

    private async Task<List<JsonObject>> AuditAsync(string tenant, string eventType) =>
        (await server.Storage.Audit.ListAsync(tenant, eventType, 100, CancellationToken.None)).Select(e => e.Payload).ToList();
}
