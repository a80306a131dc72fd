using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Warehouse.BigQuery;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Health;

/// <summary>
/// Health is kept per warehouse: when one tenant's BigQuery warehouse is down (the fake fails its service account
/// only), that tenant's profiles queue as warehouse_unavailable and run when it is back; another tenant's run at once.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class TenantWarehouseHealthTests
{
    private const string DownAccount = "down-reader@autopilot-test.iam.gserviceaccount.com";

    [Fact]
    public async Task One_tenants_warehouse_outage_queues_only_that_tenants_work_and_ready_says_what_it_did_not_probe()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(BigQueryTestConnections.Account.Key);
        await using var server = new ServerProcess(TestEnvironment.NewHubName("twh"), SharedDemoWarehouse.Path, new Dictionary<string, string>
        {
            ["BIGQUERY_PROJECT_ID"] = FakeBigQueryServer.Project,
            ["BIGQUERY_ENDPOINT"] = fake.BaseUri.ToString(),
            ["QUEUE_POLL_INTERVAL"] = "00:00:00.300",
            ["WORKFLOW_WAIT_SECONDS"] = "120",
        });
        await server.StartAsync();
        using var http = server.CreateClient();
        var healthy = await ConnectAsync(http, fake, "org_twh_ok_", FakeServiceAccount.ClientEmail);
        var down = await ConnectAsync(http, fake, "org_twh_down_", DownAccount);

        fake.FailAccount(DownAccount);
        var (_, queued) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={down}", down, "member");
        var (_, profiled) = await http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={healthy}", healthy, "member");
        var (readyStatus, ready) = await http.SendAsync(HttpMethod.Get, "ready", null, null);

        Assert.Equal("queued", queued!["workflow_status"]?.GetValue<string>());
        Assert.Equal("warehouse_unavailable", queued["reason"]!.GetValue<string>());
        Assert.True(profiled!["status"]?.GetValue<string>() == "success", profiled.ToJsonString());
        Assert.Equal(200, readyStatus);
        var bigquery = ready!["checks"]!["bigquery"]!;
        Assert.Equal("live", bigquery["mode"]!.GetValue<string>());
        Assert.Null(bigquery["probed"]);
        Assert.Contains("not probed", bigquery["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(bigquery["ok"]!.GetValue<bool>());

        fake.RestoreAccount(DownAccount);
        var done = await http.WaitForRunAsync(down, queued["workflow_id"]!.GetValue<string>(), TimeSpan.FromSeconds(90));
        Assert.Equal("success", done["status"]!.GetValue<string>());
    }

    private static async Task<string> ConnectAsync(HttpClient http, FakeBigQueryServer fake, string prefix, string clientEmail)
    {
        var tenant = prefix + Guid.NewGuid().ToString("N")[..8];
        var key = JsonNode.Parse(BigQueryTestConnections.Account.Json(fake.TokenUri))!;
        key["client_email"] = clientEmail;
        var (status, body) = await http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin",
            new JsonObject { ["org_id"] = tenant, ["service_account_json"] = key }.ToJsonString());
        Assert.True(status == 200, body?.ToJsonString());
        return tenant;
    }
}
