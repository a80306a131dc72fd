using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Warehouse.BigQuery;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Queries;

/// <summary>
/// Approve-run of a preview whose query no longer fits the warehouse (a table dropped since the preview) answers 409 with
/// the reason, on the server in live mode against the fake BigQuery over HTTP — which words it as BigQuery does.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ApproveRunRefusalTests
{
    [Fact]
    public async Task Approving_a_preview_whose_table_is_gone_is_a_conflict_naming_the_table_and_runs_nothing()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(BigQueryTestConnections.Account.Key);
        var tenant = "org_gone_" + Guid.NewGuid().ToString("N")[..8];
        await using var server = new ServerProcess(TestEnvironment.NewHubName("gone"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["BIGQUERY_PROJECT_ID"] = FakeBigQueryServer.Project,
            ["BIGQUERY_ENDPOINT"] = fake.BaseUri.ToString(),
            ["ALLOW_REAL_QUERY_EXECUTION"] = "true",
        });
        await server.StartAsync();
        using var http = server.CreateClient();
        var key = JsonNode.Parse(BigQueryTestConnections.Account.Json(fake.TokenUri))!;
        var (connected, _) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin",
            new JsonObject { ["org_id"] = tenant, ["service_account_json"] = key }.ToJsonString());
        var (_, preview) = await http.SendAsync(HttpMethod.Post, "api/v1/queries/preview", tenant, "member",
            QueryRouteTests.Body(tenant, "SELECT country, COUNT(*) AS n FROM analytics.users GROUP BY country ORDER BY country"));

        // The table is dropped after the preview: BigQuery's dry run now answers as it does for a missing table.
        fake.Fail(FakeRoute.JobsInsert, FakeFailure.Error(404, "notFound", "Not found: Table autopilot-test:analytics.users was not found in location US"), times: 10);
        var (status, body) = await http.SendAsync(HttpMethod.Post, "api/v1/queries/approve-run", tenant, "member",
            QueryRouteTests.Run(tenant, preview!["preview_id"]!.GetValue<string>()));

        Assert.Equal(200, connected);
        Assert.Equal("ready", preview["status"]!.GetValue<string>());
        Assert.Equal(409, status);
        var detail = body!["detail"]!.GetValue<string>();
        Assert.Equal("The query no longer fits the warehouse: The warehouse has no table named analytics.users", detail);
        WarehouseRejectionTests.AssertClean(detail);
        Assert.Empty(fake.RequestsTo(FakeRoute.JobsQuery));
    }
}
