using System.Text.Json.Nodes;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Routing;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// Routing routes #34/#35 over HTTP: unlike the seed (NTF-2) channels are validated — a bad one is a 422 naming the field —
/// and secrets and SMTP passwords are stored protected, never shown, and kept when a client writes back what it read.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class NotificationRoutingTests(ServerFixture fixture)
{
    private const string Secret = "whsec-0123456789abcdef";

    public static TheoryData<string> Types() => [.. ChannelTypes.All];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_channel_type_takes_the_test_targets_and_refuses_a_target_of_the_wrong_kind(string type)
    {
        var tenant = NotificationApi.NewTenant("ntfrt");
        var wrong = type == ChannelTypes.Email ? "https://hooks.example.com/x" : "smtp://mail.example.com?from=a@example.com&to=b@example.com";

        var (testTargets, body) = await WriteAsync(tenant, new JsonArray(Channel(type, "fail://a"), Channel(type, "FLAKY://b")));
        var (wrongKind, refusal) = await WriteAsync(tenant, new JsonArray(Channel(type, wrong)));

        Assert.Equal(200, testTargets);
        Assert.Equal([false, false], body!["routing"]!["channels"]!.AsArray().Select(c => c!["has_secret"]!.GetValue<bool>()));
        Assert.Equal(422, wrongKind);
        Assert.Contains("routing.channels.0.target", refusal!.ToJsonString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadChannels() => new()
    {
        { """{"type":"pager","target":"fail://x"}""", "routing.channels.0.type" },
        { """{"type":"webhook","target":"not a url"}""", "routing.channels.0.target" },
        { """{"type":"slack","target":"https://user:pw@hooks.example.com/x"}""", "routing.channels.0.target" },
        { """{"type":"email","target":"smtp://mail.example.com?from=a@example.com"}""", "routing.channels.0.target" },
        { """{"type":"email","target":"smtp://mail.example.com?from=nobody&to=b@example.com"}""", "routing.channels.0.target" },
        { """{"type":"webhook","target":"https://hooks.example.com/x"}""", "routing.channels.0.secret" },
        { """{"type":"webhook","target":"https://hooks.example.com/x","secret":"short"}""", "routing.channels.0.secret" },
        { """{"type":"slack","target":"https://hooks.example.com/x","secret":"whsec-0123456789abcdef"}""", "routing.channels.0.secret" },
        { """{"type":"slack","target":"   "}""", "routing.channels.0.target" },
        { """{"type":"slack","target":"fail://x","severities":["P9"]}""", "routing.channels.0.severities" },
        { """{"type":"slack","target":"fail://x","enabled":"yes"}""", "routing.channels.0.enabled" },
        { "\"not an object\"", "routing.channels.0" },
    };

    [Theory]
    [MemberData(nameof(BadChannels))]
    public async Task A_bad_channel_is_a_422_naming_the_field_and_never_echoing_a_secret(string channel, string field)
    {
        var tenant = NotificationApi.NewTenant("ntfbad");
        var (status, body) = await WriteAsync(tenant, new JsonArray(JsonNode.Parse(channel)));

        Assert.Equal(422, status);
        Assert.Contains(field, body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rest_of_a_routing_write_is_checked_too_a_non_object_routing_is_the_seeds_400_and_members_may_not_write()
    {
        var tenant = NotificationApi.NewTenant("ntfrest");
        var cases = new (int Expected, string Routing, string Role)[]
        {
            (422, """{"channels":"x"}""", "admin"),
            (422, """{"channels":[{"type":"slack","target":"fail://x"},{"type":"slack","target":"fail://x"}]}""", "admin"),
            (422, """{"escalation_recipients":{"P7":["a"]}}""", "admin"),
            (422, """{"escalation_recipients":{"P1":"a"}}""", "admin"),
            (422, """{"ack_reminder_minutes":0}""", "admin"),
            (400, "\"fast\"", "admin"),
            (403, """{"channels":[]}""", "member"),
            (200, """{"channels":[],"escalation_recipients":{"P1":["dana"]},"ack_reminder_minutes":5}""", "admin"),
        };

        foreach (var (expected, routing, role) in cases)
        {
            var (status, _) = await fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/routing", tenant, role, $$"""{"org_id":"{{tenant}}","routing":{{routing}}}""");
            Assert.True(expected == status, $"{routing} as {role}: expected {expected}, got {status}");
        }

        var (_, read) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/routing?org_id={tenant}", tenant, "member");
        Assert.Equal("""{"channels":[],"escalation_recipients":{"P0":[],"P1":["dana"],"P2":[],"P3":[]},"ack_reminder_minutes":5}""", read!["routing"]!.ToJsonString());
    }

    [Fact]
    public async Task Nothing_stored_reads_as_the_seeds_empty_routing()
    {
        var tenant = NotificationApi.NewTenant("ntfnone");
        var (status, read) = await fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/alerts/routing?org_id={tenant}", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal("""{"channels":[],"escalation_recipients":{"P0":[],"P1":[],"P2":[],"P3":[]},"ack_reminder_minutes":30}""", read!["routing"]!.ToJsonString());
    }

    [Fact]
    public async Task Writing_back_what_was_read_keeps_the_stored_webhook_secret_and_smtp_password_and_the_ciphertexts_are_not_the_plaintext()
    {
        var tenant = NotificationApi.NewTenant("ntfkeep");
        var (first, written) = await WriteAsync(tenant, new JsonArray(
            Channel("webhook", "https://hooks.example.com/a", Secret),
            Channel("email", "smtps://alerts:hunter2-pw@mail.example.com:465?from=a@example.com&to=b@example.com")));
        var before = await StoredAsync(tenant);

        // A client edits what it read (the masked target, no secret) and writes it back.
        var channels = written!["routing"]!["channels"]!.AsArray().Select(c => Channel(c!["type"]!.GetValue<string>(), c["target"]!.GetValue<string>())).ToArray();
        var (second, rewritten) = await WriteAsync(tenant, new JsonArray(channels));
        var after = await StoredAsync(tenant);

        Assert.Equal((200, 200), (first, second));
        Assert.Equal("smtps://alerts:***@mail.example.com:465/?from=a@example.com&to=b@example.com", rewritten!["routing"]!["channels"]![1]!["target"]!.GetValue<string>());
        Assert.True(rewritten["routing"]!["channels"]![0]!["has_secret"]!.GetValue<bool>());
        Assert.Equal((before.Channels[0].ProtectedSecret, before.Channels[1].ProtectedPassword), (after.Channels[0].ProtectedSecret, after.Channels[1].ProtectedPassword));
        Assert.StartsWith("v2:", before.Channels[0].ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", System.Text.Json.JsonSerializer.Serialize(after), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, System.Text.Json.JsonSerializer.Serialize(after), StringComparison.Ordinal);
    }

    private async Task<NotificationRouting> StoredAsync(string tenant) =>
        (await new TenantSettingsStore(new StorageFactory(fixture.Server.TaskHub).Tables).GetAsync<NotificationRouting>(tenant, NotificationRouting.SettingName, CancellationToken.None))!;

    private Task<(int Status, JsonNode? Body)> WriteAsync(string tenant, JsonArray channels) =>
        fixture.Http.SendAsync(HttpMethod.Post, "api/v1/alerts/routing", tenant, "admin",
            new JsonObject { ["org_id"] = tenant, ["routing"] = new JsonObject { ["channels"] = channels } }.ToJsonString());

    private static JsonObject Channel(string type, string target, string? secret = null) => NotificationApi.Channel(type, target, secret);
}
