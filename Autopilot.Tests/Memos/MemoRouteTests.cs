using System.Text.Json.Nodes;
using Autopilot.Core.Alerts;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Memos;

/// <summary>
/// <c>POST /api/v1/workflows/memo</c> and <c>GET /api/v1/memos/{id}/wow</c> on the server: the seed's success body (§5.3),
/// versions per run, week-over-week rows from the two latest versions, tenant scoping and roles.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class MemoRouteTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_member_writes_memos_and_anyone_in_the_tenant_compares_the_latest_two_versions()
    {
        var tenant = "org_memoroute" + Guid.NewGuid().ToString("N")[..8];

        var first = await RunAsync(tenant);
        var id = first["artifact_id"]!.GetValue<string>();
        var (tooFewStatus, tooFew) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/{id}/wow?org_id={tenant}", tenant, "viewer");
        var second = await RunAsync(tenant);

        Assert.Equal("success", first["status"]!.GetValue<string>());
        Assert.StartsWith("wf_", first["workflow_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("art_", id, StringComparison.Ordinal);
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.True(first["validation"]!["passed"]!.GetValue<bool>());
        Assert.Empty(first["validation"]!["errors"]!.AsArray());
        Assert.False(first["resumed"]!.GetValue<bool>());
        Assert.Equal((200, MemoWeekOverWeek.TooFewVersions, 0), (tooFewStatus, tooFew!["note"]!.GetValue<string>(), tooFew["rows"]!.AsArray().Count));
        Assert.Equal((id, 2), (second["artifact_id"]!.GetValue<string>(), second["version"]!.GetValue<int>()));

        var (status, wow) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/{id}/wow?org_id={tenant}", tenant, "viewer");
        Assert.Equal(200, status);
        Assert.Equal((id, tenant, 1, 2), (wow!["artifact_id"]!.GetValue<string>(), wow["tenant_id"]!.GetValue<string>(), wow["from_version"]!.GetValue<int>(), wow["to_version"]!.GetValue<int>()));
        var artifacts = new ArtifactStore(new StorageFactory(fixture.Server.TaskHub).Tables, TimeProvider.System);
        var versions = await artifacts.VersionsAsync(tenant, id, CancellationToken.None);
        double Current(int v, string metric) => versions[v - 1].Data["packet"]!["kpis"]!.AsArray().Single(k => k!["metric_name"]!.GetValue<string>() == metric)!["current_value"]!.GetValue<double>();
        var rows = wow["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal([MemoKpis.ActiveUsers, "Orders", MemoKpis.Revenue], rows.Select(r => r["metric"]!.GetValue<string>()));
        Assert.All(rows, r =>
        {
            var metric = r["metric"]!.GetValue<string>();
            Assert.Equal((Current(1, metric), Current(2, metric), Current(2, metric) - Current(1, metric)),
                (r["previous_week_value"]!.GetValue<double>(), r["current_week_value"]!.GetValue<double>(), r["change"]!.GetValue<double>()));
        });

        // Data-quality notes raised P2 alerts once each, though two memos noted them.
        var notes = versions[1].Data["packet"]!["anomaly_notes"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var alerts = (await new AlertStore(new StorageFactory(fixture.Server.TaskHub).Tables, new Autopilot.Core.Tenants.TenantSettingsStore(new StorageFactory(fixture.Server.TaskHub).Tables), TimeProvider.System).ListAsync(tenant, null, CancellationToken.None))
            .Where(a => a.SourceType == "data_quality").ToList();
        Assert.NotEmpty(notes);
        Assert.Equal(notes.Order(StringComparer.Ordinal), alerts.Select(a => a.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_memo_is_an_unknown_id()
    {
        var owner = "org_memoown" + Guid.NewGuid().ToString("N")[..8];
        var first = await RunAsync(owner);
        await RunAsync(owner);
        var id = first["artifact_id"]!.GetValue<string>();
        var other = "org_memoother" + Guid.NewGuid().ToString("N")[..8];

        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/{id}/wow?org_id={other}", other, "admin");
        var (unknownStatus, unknown) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/memos/art_000000000000/wow?org_id={other}", other, "admin");

        Assert.Equal(200, status);
        Assert.Equal(unknownStatus, status);
        Assert.Equal(
            JsonNode.Parse($$"""{"artifact_id":"{{id}}","tenant_id":"{{other}}","rows":[],"note":"Need at least 2 versions"}""")!.ToJsonString(),
            body!.ToJsonString());
        Assert.Equal(MemoWeekOverWeek.TooFewVersions, unknown!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_memo_page_shows_the_stored_runs_headline_and_a_tile_with_a_fourteen_day_series_per_kpi()
    {
        var tenant = "org_memopage" + Guid.NewGuid().ToString("N")[..8];
        var id = (await RunAsync(tenant))["artifact_id"]!.GetValue<string>();
        var stored = (await new ArtifactStore(new StorageFactory(fixture.Server.TaskHub).Tables, TimeProvider.System).VersionAsync(tenant, id, 1, CancellationToken.None))!;

        using var response = await fixture.Http.SendAsync(ApiCalls.Request(HttpMethod.Get, $"memos/{id}?org_id={tenant}", tenant, "viewer"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(stored.Data["memo"]!["headline_summary"]![0]!.GetValue<string>()), html, StringComparison.Ordinal);
        var kpis = stored.Data["packet"]!["kpis"]!.AsArray().Select(k => k!["metric_name"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(kpis);
        Assert.All(kpis, metric => Assert.Contains($"data-metric=\"{System.Text.Encodings.Web.HtmlEncoder.Default.Encode(metric)}\"", html, StringComparison.Ordinal));
        var start = html.IndexOf("<script type=\"application/json\" id=\"page-data\">", StringComparison.Ordinal);
        var json = html[(html.IndexOf('>', start) + 1)..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        var series = JsonNode.Parse(json)!["series"]!.AsObject();
        Assert.All(kpis, metric => Assert.Equal(14, series[metric]!.AsArray().Count));
    }

    [Fact]
    public async Task A_viewer_may_not_write_a_memo()
    {
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/workflows/memo?org_id=org_view", "org_view", "viewer");

        Assert.Equal(403, status);
        Assert.Equal("Insufficient role: requires member or admin", body!["detail"]!.GetValue<string>());
    }

    private async Task<JsonNode> RunAsync(string tenant)
    {
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/memo?org_id={tenant}", tenant, "member");
        if (status == 202)
        {
            // The memo outlasted the server's wait: follow it as a client would.
            var run = await fixture.Http.WaitForRunAsync(tenant, body!["workflow_id"]!.GetValue<string>(), TimeSpan.FromMinutes(3));
            return run["result"]!;
        }

        Assert.True(status == 200, body?.ToJsonString());
        return body!;
    }
}
