using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Warehouse.BigQuery;

/// <summary>
/// The server in live mode against the fake BigQuery over HTTP: connect tests the credentials, profiling and queries
/// go through the real connector, and ALLOW_REAL_QUERY_EXECUTION=false stops every query on the live warehouse.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class LiveServerTests
{
    [Fact]
    public async Task A_live_tenant_connects_profiles_and_queries_only_when_real_execution_is_allowed()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(BigQueryTestConnections.Account.Key);
        var hub = TestEnvironment.NewHubName("live");
        var tenant = "org_live_" + Guid.NewGuid().ToString("N")[..8];
        var key = JsonNode.Parse(BigQueryTestConnections.Account.Json(fake.TokenUri))!;
        var live = new Dictionary<string, string>
        {
            ["BIGQUERY_PROJECT_ID"] = FakeBigQueryServer.Project,
            ["BIGQUERY_ENDPOINT"] = fake.BaseUri.ToString(),
        };

        await using (var locked = new ServerProcess(hub, SharedDemoWarehouse.Path, live))
        {
            await locked.StartAsync();
            using var http = locked.CreateClient();
            var badKey = JsonNode.Parse(new FakeServiceAccount().Json(fake.TokenUri))!;
            var (badStatus, _) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin",
                new JsonObject { ["org_id"] = tenant, ["service_account_json"] = badKey }.ToJsonString());
            var (status, connected) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin",
                new JsonObject { ["org_id"] = tenant, ["service_account_json"] = key.DeepClone() }.ToJsonString());
            var (_, profile) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
            var (_, blocked) = await http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
                new JsonObject { ["org_id"] = tenant, ["sql"] = "SELECT country, COUNT(*) AS n FROM analytics.users GROUP BY country" }.ToJsonString());

            Assert.Equal(502, badStatus);
            Assert.Equal(200, status);
            Assert.Equal("bigquery", connected!["warehouse"]!.GetValue<string>());
            Assert.True(profile!["status"]?.GetValue<string>() == "success", profile.ToJsonString());
            Assert.True(profile["tables_profiled"]!.GetValue<int>() >= 3);
            Assert.Equal("blocked", blocked!["status"]!.GetValue<string>());
            Assert.Contains("ALLOW_REAL_QUERY_EXECUTION=false", blocked["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await using var open = new ServerProcess(hub, SharedDemoWarehouse.Path, new Dictionary<string, string>(live) { ["ALLOW_REAL_QUERY_EXECUTION"] = "true" });
        await open.StartAsync();
        using var client = open.CreateClient();
        var (_, preview) = await client.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            new JsonObject { ["org_id"] = tenant, ["sql"] = "SELECT country, COUNT(*) AS n FROM analytics.users GROUP BY country ORDER BY country" }.ToJsonString());
        var (_, run) = await client.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member",
            new JsonObject { ["org_id"] = tenant, ["preview_id"] = preview!["preview_id"]!.GetValue<string>() }.ToJsonString());

        Assert.Equal("ready", preview["status"]!.GetValue<string>());
        Assert.Equal("executed", run!["status"]!.GetValue<string>());
        Assert.Equal(["DE", "FR", "US"], run["rows"]!.AsArray().Select(r => r!["country"]!.GetValue<string>()));
        var jobs = fake.RequestsTo(FakeRoute.JobsQuery);
        Assert.NotEmpty(jobs);
        Assert.All(jobs, j => Assert.NotNull(j.Body?["maximumBytesBilled"]));
        Assert.Contains(jobs, j => j.Body?["labels"]?["tenant_id"] is not null);
    }
}
