using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Agent.Planning;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Dashboards;

/// <summary>
/// The dashboard build on the real engine and the demo warehouse: profiles first, runs every card through the query
/// path, stores one artifact per dashboard with every card laid out, and a second build makes version 2 of each.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class DashboardBuildTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync("dash");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<JsonObject> BuildAsync(string tenant) => (await DashboardRuns.BuildAsync(_engine, tenant)).Body;

    [Fact]
    public async Task A_first_build_profiles_then_stores_each_dashboard_with_checked_numbers_and_a_second_build_makes_version_two()
    {
        var tenant = "org_dash" + Guid.NewGuid().ToString("N")[..8];

        var first = await BuildAsync(tenant);

        Assert.Equal(WorkflowStatus.Success, first["status"]!.GetValue<string>());
        var dashboards = first["dashboards"]!.AsArray();
        Assert.Equal([DashboardTemplates.ExecOverview, DashboardTemplates.RevenueVolume, DashboardTemplates.DataHealth], dashboards.Select(d => d!["key"]!.GetValue<string>()));
        Assert.All(dashboards, d => Assert.Equal(1, d!["version"]!.GetValue<int>()));
        Assert.All(dashboards, d => Assert.Equal(0, d!["cards_refused"]!.GetValue<int>()));

        var artifacts = _engine.Services.GetRequiredService<ArtifactStore>();
        var execId = first["artifact_id"]!.GetValue<string>();
        var exec = (await artifacts.VersionAsync(tenant, execId, 1, CancellationToken.None))!;
        var cards = exec.Data["cards"]!.AsArray();
        Assert.Equal(["dau_trend", "wau", "mau", "daily_revenue"], cards.Select(c => c!["key"]!.GetValue<string>()));
        Assert.Equal([(0, 0, 18, 8), (0, 8, 9, 4), (9, 8, 9, 4), (0, 12, 18, 8)],
            cards.Select(c => c!["position"]!).Select(p => (p["col"]!.GetValue<int>(), p["row"]!.GetValue<int>(), p["size_x"]!.GetValue<int>(), p["size_y"]!.GetValue<int>())));
        Assert.Contains("analytics.events", exec.Tables);
        Assert.Contains("analytics.orders", exec.Tables);
        Assert.Equal(4, exec.QueryHashes.Count);

        // The numbers are the warehouse's: the daily active users series against the test's own query.
        var dau = cards[0]!;
        using (var answers = new DemoAnswers(SharedDemoWarehouse.Path))
        {
            var truth = answers.Run("SELECT 1",
                "SELECT CAST(\"timestamp\" AS DATE) AS day, COUNT(DISTINCT user_id) FROM analytics.events WHERE \"timestamp\" >= {today} - INTERVAL 90 DAY AND \"timestamp\" < {today} GROUP BY 1 ORDER BY 1").Expected;
            var rows = dau["rows"]!.AsArray();
            Assert.Equal(truth.Rows.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                Assert.Equal(((DateOnly)truth.Rows[i][0]!).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[i]![0]!.ToString()[..10]);
                Assert.Equal(Convert.ToDouble(truth.Rows[i][1], CultureInfo.InvariantCulture), rows[i]![1]!.GetValue<double>());
            }
        }

        var second = await BuildAsync(tenant);
        Assert.Equal(execId, second["artifact_id"]!.GetValue<string>());
        Assert.Equal(2, second["version"]!.GetValue<int>());
        var list = await artifacts.ListAsync(tenant, ArtifactTypes.Dashboard, CancellationToken.None);
        Assert.Equal(3, list.Count);
        Assert.All(list, a => Assert.Equal(2, a.Version));
        Assert.Equal(2, (await artifacts.VersionsAsync(tenant, execId, CancellationToken.None)).Count);
    }
}
