using System.Globalization;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.RateLimits;

/// <summary>Two server replicas sharing Redis enforce one per-tenant limit over HTTP, with 429 + Retry-After, audited.</summary>
[Collection(ProcessCollection.Name)]
public sealed class RateLimitServerTests
{
    [Fact]
    public async Task A_tenant_over_its_limit_gets_429_with_retry_after_on_both_replicas_while_another_tenant_gets_through()
    {
        var hub = TestEnvironment.NewHubName("rate");
        var settings = new Dictionary<string, string>
        {
            ["REDIS_URL"] = TestEnvironment.RedisEndpoint,
            ["RATE_LIMIT_READ"] = "4/m",
        };
        await using var a = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await using var b = new ServerProcess(hub, SharedDemoWarehouse.Path, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        using var httpA = a.CreateClient();
        using var httpB = b.CreateClient();
        var greedy = "org_greedy_" + Guid.NewGuid().ToString("N")[..8];
        var quiet = "org_quiet_" + Guid.NewGuid().ToString("N")[..8];

        var admitted = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            admitted.Add((await (i % 2 == 0 ? httpA : httpB).SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={greedy}", greedy, "member")).Status);
        }

        using var refusedA = await httpA.SendAsync(ApiCalls.Request(HttpMethod.Get, $"api/v1/workflows/limits?org_id={greedy}", greedy, "member"));
        using var refusedB = await httpB.SendAsync(ApiCalls.Request(HttpMethod.Get, $"api/v1/workflows/queue?org_id={greedy}", greedy, "member"));
        var (quietA, _) = await httpA.SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={quiet}", quiet, "member");
        var (quietB, _) = await httpB.SendAsync(HttpMethod.Get, $"api/v1/workflows/limits?org_id={quiet}", quiet, "member");
        var (health, _) = await httpA.SendAsync(HttpMethod.Get, "health", null, null);

        Assert.Equal([200, 200, 200, 200], admitted);
        foreach (var refused in new[] { refusedA, refusedB })
        {
            Assert.Equal(429, (int)refused.StatusCode);
            var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
            Assert.InRange(int.Parse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture), 1, 15);
            var detail = System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
            Assert.Contains("RATE_LIMIT_READ allows 4 read requests per 60 s", detail, StringComparison.Ordinal);
        }

        Assert.Equal(200, quietA);
        Assert.Equal(200, quietB);
        Assert.Equal(200, health);

        var refusals = await new StorageFactory(hub).Audit.ListAsync(greedy, "http_exception", 10, CancellationToken.None);
        Assert.Equal(2, refusals.Count(r => (int?)r.Payload["status_code"] == 429));
    }
}
