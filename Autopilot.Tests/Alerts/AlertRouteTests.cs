using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts;

/// <summary>The alert routes (spec §8) over HTTP: the seed's pinned flow (ALERT-10), its fixed quirks, and bad input answered 4xx.</summary>
[Collection(ProcessCollection.Name)]
public sealed class AlertRouteTests(ServerFixture fixture)
{
    private static string NewTenant() => "org_alr" + Guid.NewGuid().ToString("N")[..8];

    private Task<(int Status, JsonNode? Body)> PostAsync(string tenant, string path, string? body = null, string role = "member") =>
        fixture.Http.SendAsync(HttpMethod.Post, path, tenant, role, body);

    private static string Raise(string tenant, string key, string severity = "P1") =>
        new JsonObject { ["org_id"] = tenant, ["dedupe_key"] = key, ["title"] = "Orders late", ["message"] = "orders is 9 h old", ["severity"] = severity }.ToJsonString();

    [Fact]
    public async Task Create_acknowledge_raise_again_resolve_follows_the_seeds_pinned_flow_and_a_resolved_alert_cannot_be_acknowledged()
    {
        var tenant = NewTenant();
        var (status, created) = await PostAsync(tenant, "api/v1/alerts", Raise(tenant, "orders_late"));
        Assert.Equal(200, status);
        var id = created!["alert_id"]!.GetValue<string>();
        Assert.Equal(("open", "P1", 0), (created["status"]!.GetValue<string>(), created["severity"]!.GetValue<string>(), created["escalated_count"]!.GetValue<int>()));

        var (_, acked) = await PostAsync(tenant, $"api/v1/alerts/{id}/ack?org_id={tenant}", """{"user_id":"dana"}""");
        var (_, again) = await PostAsync(tenant, "api/v1/alerts", Raise(tenant, "orders_late"));
        var (_, resolved) = await PostAsync(tenant, $"api/v1/alerts/{id}/resolve?org_id={tenant}");
        var (ackResolved, refusal) = await PostAsync(tenant, $"api/v1/alerts/{id}/ack?org_id={tenant}", """{"user_id":"dana"}""");
        var (_, list) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts?org_id={tenant}&status=resolved", tenant, "member");

        Assert.Equal(("acknowledged", "dana"), (acked!["status"]!.GetValue<string>(), acked["acknowledged_by"]!.GetValue<string>()));
        Assert.Equal((id, "acknowledged"), (again!["alert_id"]!.GetValue<string>(), again["status"]!.GetValue<string>()));
        Assert.Equal("resolved", resolved!["status"]!.GetValue<string>());
        Assert.Equal(409, ackResolved);
        Assert.Contains("resolved", refusal!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(id, Assert.Single(list!["items"]!.AsArray())!["alert_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Policy_writes_merge_whole_minutes_and_refuse_anything_else_with_the_key_named()
    {
        var tenant = NewTenant();
        var (ok, written) = await PostAsync(tenant, "api/v1/alerts/policy", $$$"""{"org_id":"{{{tenant}}}","policy":{"P1":5,"P2":"20"}}""", "admin");
        var (zero, zeroBody) = await PostAsync(tenant, "api/v1/alerts/policy", $$$"""{"org_id":"{{{tenant}}}","policy":{"P1":0}}""", "admin");
        var (unknown, _) = await PostAsync(tenant, "api/v1/alerts/policy", $$$"""{"org_id":"{{{tenant}}}","policy":{"P9":5}}""", "admin");
        var (notObject, notObjectBody) = await PostAsync(tenant, "api/v1/alerts/policy", $$"""{"org_id":"{{tenant}}","policy":"fast"}""", "admin");
        var (byMember, _) = await PostAsync(tenant, "api/v1/alerts/policy", $$$"""{"org_id":"{{{tenant}}}","policy":{"P1":5}}""");
        var (_, read) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/policy?org_id={tenant}", tenant, "member");

        Assert.Equal(200, ok);
        Assert.Equal("""{"P0":15,"P1":5,"P2":20,"P3":120}""", written!["policy"]!.ToJsonString());
        Assert.Equal((422, 422, 400, 403), (zero, unknown, notObject, byMember));
        Assert.Contains("policy.P1", zeroBody!["detail"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("policy must be an object", notObjectBody!["detail"]!.GetValue<string>());
        Assert.Equal("""{"P0":15,"P1":5,"P2":20,"P3":120}""", read!["policy"]!.ToJsonString());
    }

    [Fact]
    public async Task Bad_input_is_a_4xx_with_a_reason_and_another_tenants_alert_is_not_found()
    {
        var tenant = NewTenant();
        var other = NewTenant();
        var (_, created) = await PostAsync(tenant, "api/v1/alerts", Raise(tenant, "k"));
        var id = created!["alert_id"]!.GetValue<string>();

        var cases = new (int Expected, Task<(int Status, JsonNode? Body)> Call)[]
        {
            (422, PostAsync(tenant, "api/v1/alerts", Raise(tenant, "k", severity: "P7"))),
            (400, PostAsync(tenant, "api/v1/alerts", $$"""{"org_id":"{{tenant}}","dedupe_key":"","title":"t","message":"m"}""")),
            (422, fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts?org_id={tenant}&status=bogus", tenant, "member")),
            (400, PostAsync(tenant, $"api/v1/alerts/{id}/ack?org_id={tenant}", "{}")),
            (422, PostAsync(tenant, $"api/v1/alerts/{id}/ack?org_id={tenant}")),
            (422, PostAsync(tenant, $"api/v1/alerts/{id}/snooze?org_id={tenant}", """{"user_id":"u","duration_minutes":"soon"}""")),
            (422, PostAsync(tenant, $"api/v1/alerts/{id}/snooze?org_id={tenant}", """{"user_id":"u","duration_minutes":0}""")),
            (404, PostAsync(tenant, $"api/v1/alerts/alt_000000000000/resolve?org_id={tenant}")),
            (404, PostAsync(other, $"api/v1/alerts/{id}/ack?org_id={other}", """{"user_id":"u"}""")),
            (404, PostAsync(other, $"api/v1/alerts/{id}/resolve?org_id={other}")),
        };

        foreach (var (expected, call) in cases)
        {
            var (status, body) = await call;
            Assert.True(status == expected, $"expected {expected}, got {status}: {body?.ToJsonString()}");
            Assert.NotNull(body?["detail"]);
        }

        var (_, still) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts?org_id={tenant}&status=open", tenant, "member");
        Assert.Equal(id, Assert.Single(still!["items"]!.AsArray())!["alert_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_snooze_records_who_and_until_when_without_acknowledging_and_escalate_skips_what_is_not_due()
    {
        var tenant = NewTenant();
        var (_, created) = await PostAsync(tenant, "api/v1/alerts", Raise(tenant, "k", severity: "P0"));
        var id = created!["alert_id"]!.GetValue<string>();

        var (status, snoozed) = await PostAsync(tenant, $"api/v1/alerts/{id}/snooze?org_id={tenant}", """{"user_id":"sam","duration_minutes":30,"reason":"deploying"}""");
        var (_, escalated) = await PostAsync(tenant, $"api/v1/alerts/escalate?org_id={tenant}");
        var (_, list) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts?org_id={tenant}", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal(("open", "sam"), (snoozed!["status"]!.GetValue<string>(), snoozed["snoozed_by"]!.GetValue<string>()));
        var until = DateTime.Parse(snoozed["snoozed_until"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((until - TimeProvider.System.GetUtcNow().UtcDateTime).TotalMinutes, 28, 31);
        Assert.Equal(0, escalated!["escalated"]!.GetValue<int>());
        Assert.Equal("deploying", list!["items"]![0]!["snoozed_reason"]!.GetValue<string>());
    }
}
