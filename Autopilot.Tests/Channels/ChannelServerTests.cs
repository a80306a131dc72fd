using System.Text.Json.Nodes;
using Autopilot.Core.Channels.Bindings;
using Autopilot.Core.Channels.Webhooks;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Channels;

/// <summary>
/// Slack, Telegram and their bindings on real servers (one fixture: two replicas sharing Redis, the fake channel APIs): CHAN-11's
/// list — signatures, replays, url_verification, replies posted back to the channel, thread or chat, org overrides, audits with
/// <c>intent_action</c> — plus replay refused across replicas, a redelivered event answered once, and §16's bindings routes.
/// </summary>
public sealed class ChannelServerTests : IClassFixture<ChannelServers>
{
    private const string Question = "How many orders were placed in the last 30 days?";
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(90);
    private readonly ChannelServers _servers;
    private readonly HttpClient _http;

    public ChannelServerTests(ChannelServers servers)
    {
        _servers = servers;
        _http = servers.Http;
    }

    private static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_slash_command_answers_at_once_posts_its_reply_to_the_response_url_and_refuses_a_bad_signature_and_a_replay()
    {
        var (tenant, team) = (await ConnectedTenantAsync(), NewId("T"));
        await BindAsync(tenant, BindingTypes.SlackTeam, team);
        var hook = NewId("cmd");
        var body = SlackRequests.Form(("team_id", team), ("user_id", "U1"), ("channel_id", "C1"), ("text", Question), ("trigger_id", NewId("trg")), ("response_url", _servers.Apis.ResponseUrl(hook)));

        using var forged = SlackRequests.Signed("integrations/slack/command", body, "application/x-www-form-urlencoded", "not-the-secret");
        using var signed = SlackRequests.Signed("integrations/slack/command", body, "application/x-www-form-urlencoded", ChannelServers.SigningSecret);
        using var replay = await SlackRequests.CopyAsync(signed);
        var (forgedStatus, forgedBody) = await SendAsync(_http, forged);
        var (status, answer) = await SendAsync(_http, signed);
        var (replayStatus, replayBody) = await SendAsync(_http, replay);

        Assert.Equal((401, "Invalid Slack signature"), (forgedStatus, forgedBody!["detail"]!.GetValue<string>()));
        Assert.Equal(200, status);
        Assert.Equal("""{"response_type":"ephemeral","text":"Working on it…"}""", answer!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal((401, "Invalid Slack signature"), (replayStatus, replayBody!["detail"]!.GetValue<string>()));
        var posted = await _servers.Apis.WaitForAsync(m => m.To == "/hooks/commands/" + hook, 1, ReplyTimeout);
        var reply = Assert.Single(posted);
        Assert.NotEqual(SlackEndpoints.WorkingOnIt, reply.Text);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        var audit = Assert.Single(await _servers.Storage.Audit.ListAsync(tenant, "slack_command_processed", 10, CancellationToken.None));
        Assert.Equal(("U1", "query"), (audit.Payload["user_id"]!.GetValue<string>(), audit.Payload["intent_action"]!.GetValue<string>()));
        Assert.NotNull(audit.Payload["response_type"]);
    }

    [Fact]
    public async Task A_signed_request_is_accepted_by_one_replica_and_its_replay_refused_by_the_other()
    {
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"type":"url_verification","challenge":"{{NewId("ch")}}"}""");
        using var signed = SlackRequests.Signed("integrations/slack/events", body, "application/json", ChannelServers.SigningSecret);
        using var replay = await SlackRequests.CopyAsync(signed);

        var (first, echoed) = await SendAsync(_http, signed);
        var (second, _) = await SendAsync(_servers.SecondHttp, replay);

        Assert.Equal((200, 401), (first, second));
        Assert.Equal(JsonNode.Parse(body)!["challenge"]!.GetValue<string>(), echoed!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_app_mention_is_answered_in_its_thread_once_even_when_slack_redelivers_it()
    {
        var (tenant, team, channel) = (await ConnectedTenantAsync(), NewId("T"), NewId("C"));
        await BindAsync(tenant, BindingTypes.SlackTeam, team);
        var eventId = NewId("Ev");
        var json = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = team,
            ["event_id"] = eventId,
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U7", ["text"] = "<@U0BOT> " + Question, ["channel"] = channel, ["ts"] = "1700000000.000200" },
        }.ToJsonString();

        using var delivery = SlackRequests.Signed("integrations/slack/events", System.Text.Encoding.UTF8.GetBytes(json), "application/json", ChannelServers.SigningSecret);
        var (status, answer) = await SendAsync(_http, delivery);
        // Slack's retry: the same event, signed again a second later (a new signature, so not a replay).
        using var retry = SlackRequests.Signed("integrations/slack/events", System.Text.Encoding.UTF8.GetBytes(json), "application/json", ChannelServers.SigningSecret, TimeProvider.System.GetUtcNow().AddSeconds(1));
        var (retryStatus, _) = await SendAsync(_servers.SecondHttp, retry);

        Assert.Equal((200, 200), (status, retryStatus));
        Assert.True(answer!["ok"]!.GetValue<bool>());
        var posted = await _servers.Apis.WaitForAsync(m => m.To == channel, 1, ReplyTimeout);
        Assert.Equal("1700000000.000200", Assert.Single(posted).ThreadTs);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(_servers.Apis.Received, m => m.To == channel);
        var audit = Assert.Single(await _servers.Storage.Audit.ListAsync(tenant, "slack_event_processed", 10, CancellationToken.None));
        Assert.Equal(("U7", "app_mention", "query"), (audit.Payload["user_id"]!.GetValue<string>(), audit.Payload["event_type"]!.GetValue<string>(), audit.Payload["intent_action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_org_override_the_bindings_do_not_allow_is_refused_by_slack_and_told_not_bound_by_telegram()
    {
        var (tenant, team, chat) = (await ConnectedTenantAsync(), NewId("T"), Random.Shared.NextInt64(1_000_000, 9_000_000));
        await BindAsync(tenant, BindingTypes.SlackTeam, team);
        await BindAsync(tenant, BindingTypes.TelegramChat, chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var body = SlackRequests.Form(("team_id", team), ("user_id", "U1"), ("channel_id", "C1"), ("text", "org:org_someone_else " + Question), ("trigger_id", NewId("trg")));

        using var command = SlackRequests.Signed("integrations/slack/command", body, "application/x-www-form-urlencoded", ChannelServers.SigningSecret);
        var (slackStatus, slackBody) = await SendAsync(_http, command);
        using var update = SlackRequests.Telegram(Update(chat, 42, "/ask org:org_someone_else " + Question), ChannelServers.WebhookSecret);
        var (telegramStatus, telegramBody) = await SendAsync(_http, update);

        Assert.Equal((403, SlackEndpoints.NotBound), (slackStatus, slackBody!["detail"]!.GetValue<string>()));
        Assert.Equal(200, telegramStatus);
        Assert.True(telegramBody!["ok"]!.GetValue<bool>());
        var told = await _servers.Apis.WaitForAsync(m => m.Api == "telegram" && m.To == chat.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, ReplyTimeout);
        Assert.Equal(TelegramEndpoints.NotBound, Assert.Single(told).Text);
    }

    [Fact]
    public async Task Telegram_refuses_a_wrong_secret_and_answers_a_bound_chat_in_that_chat()
    {
        var (tenant, chat) = (await ConnectedTenantAsync(), Random.Shared.NextInt64(10_000_000, 90_000_000));
        await BindAsync(tenant, BindingTypes.TelegramChat, chat.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var wrong = SlackRequests.Telegram(Update(chat, 5, Question), "not-the-secret");
        using var none = SlackRequests.Telegram(Update(chat, 6, Question), null);
        using var right = SlackRequests.Telegram(Update(chat, 7, Question), ChannelServers.WebhookSecret);
        var (wrongStatus, wrongBody) = await SendAsync(_http, wrong);
        var (noneStatus, _) = await SendAsync(_http, none);
        var (status, answer) = await SendAsync(_http, right);

        Assert.Equal((401, "Invalid Telegram webhook secret"), (wrongStatus, wrongBody!["detail"]!.GetValue<string>()));
        Assert.Equal(401, noneStatus);
        Assert.Equal(200, status);
        Assert.True(answer!["ok"]!.GetValue<bool>());
        var sent = await _servers.Apis.WaitForAsync(m => m.Api == "telegram" && m.To == chat.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, ReplyTimeout);
        Assert.NotEqual(TelegramEndpoints.NotBound, Assert.Single(sent).Text);
        var audit = Assert.Single(await _servers.Storage.Audit.ListAsync(tenant, "telegram_message_processed", 10, CancellationToken.None));
        Assert.Equal(("7", "query"), (audit.Payload["sender"]!.GetValue<string>(), audit.Payload["intent_action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_message_longer_than_chat_reads_is_answered_with_why_instead_of_a_cut_off_question()
    {
        var (tenant, chat) = (await ConnectedTenantAsync(), Random.Shared.NextInt64(10_000_000, 90_000_000));
        await BindAsync(tenant, BindingTypes.TelegramChat, chat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var question = "How many orders were placed? " + new string('x', Autopilot.Core.Chat.ChatEndpoints.MaxMessageLength);

        using var request = SlackRequests.Telegram(Update(chat, 8, question), ChannelServers.WebhookSecret);
        var (status, _) = await SendAsync(_http, request);

        Assert.Equal(200, status);
        var sent = await _servers.Apis.WaitForAsync(m => m.Api == "telegram" && m.To == chat.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, ReplyTimeout);
        Assert.Equal(ChannelReplies.TooLong(question.Length), Assert.Single(sent).Text);
        Assert.Empty(await _servers.Storage.Audit.ListAsync(tenant, "telegram_message_processed", 10, CancellationToken.None));
    }

    [Fact]
    public async Task Bindings_are_listed_upserted_idempotently_and_deleted_by_their_tenants_admin_only()
    {
        var (tenant, other) = (NewId("org_cb"), NewId("org_cb"));
        var user = NewId("U");

        var (created, first) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, "admin", Body(tenant, BindingTypes.SlackUser, "  " + user + " "));
        var (_, again) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, "admin", Body(tenant, BindingTypes.SlackUser, user));
        var (conflict, conflictBody) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", other, "admin", Body(other, BindingTypes.SlackUser, user));
        var (listed, list) = await _http.SendAsync(HttpMethod.Get, $"api/v1/integrations/bindings?org_id={tenant}", tenant, "admin");
        var id = first!["id"]!.GetValue<long>();
        var (foreignDelete, _) = await _http.SendAsync(HttpMethod.Delete, $"api/v1/integrations/bindings/{id}?org_id={other}", other, "admin");
        var (memberDelete, _) = await _http.SendAsync(HttpMethod.Delete, $"api/v1/integrations/bindings/{id}?org_id={tenant}", tenant, "member");
        var (badId, _) = await _http.SendAsync(HttpMethod.Delete, $"api/v1/integrations/bindings/abc?org_id={tenant}", tenant, "admin");
        var (deleted, deletedBody) = await _http.SendAsync(HttpMethod.Delete, $"api/v1/integrations/bindings/{id}?org_id={tenant}", tenant, "admin");
        var (deletedAgain, _) = await _http.SendAsync(HttpMethod.Delete, $"api/v1/integrations/bindings/{id}?org_id={tenant}", tenant, "admin");

        Assert.Equal(200, created);
        Assert.Equal((tenant, BindingTypes.SlackUser, user), (first["org_id"]!.GetValue<string>(), first["binding_type"]!.GetValue<string>(), first["external_id"]!.GetValue<string>()));
        Assert.Equal(first.ToJsonString(), again!.ToJsonString());
        Assert.Equal((409, $"slack_user '{user}' is already bound to another org"), (conflict, conflictBody!["detail"]!.GetValue<string>()));
        Assert.Equal(200, listed);
        var item = Assert.Single(list!["items"]!.AsArray())!;
        Assert.Equal((id, user), (item["id"]!.GetValue<long>(), item["external_id"]!.GetValue<string>()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", item["created_at"]!.GetValue<string>());
        Assert.Equal((404, 403, 422), (foreignDelete, memberDelete, badId));
        Assert.Equal((200, true, 404), (deleted, deletedBody!["deleted"]!.GetValue<bool>(), deletedAgain));
        var audits = await _servers.Storage.Audit.ListAsync(tenant, null, 50, CancellationToken.None);
        Assert.Equal(1, audits.Single(a => a.EventType == "integration_bindings_listed").Payload["count"]!.GetValue<int>());
        Assert.Equal(2, audits.Count(a => a.EventType == "integration_binding_upserted"));
        Assert.Equal(id, audits.Single(a => a.EventType == "integration_binding_deleted").Payload["binding_id"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("member", """{"org_id":"{org}","binding_type":"nope","external_id":" "}""", 403, "Insufficient role: requires admin")]
    [InlineData("admin", """{"org_id":"{other}","binding_type":"nope","external_id":" "}""", 403, "Tenant boundary violation: header tenant does not match requested org")]
    [InlineData("admin", """{"org_id":"{org}","binding_type":"nope","external_id":" "}""", 400, "external_id is required")]
    [InlineData("admin", """{"org_id":"{org}","binding_type":"nope","external_id":"U1"}""", 400, "invalid binding_type; allowed: ['slack_team', 'slack_user', 'telegram_chat', 'telegram_user']")]
    public async Task A_binding_upsert_is_checked_scope_then_admin_then_external_id_then_binding_type(string role, string body, int status, string detail)
    {
        var tenant = NewId("org_cv");

        var (got, answer) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, role, body.Replace("{org}", tenant, StringComparison.Ordinal).Replace("{other}", tenant + "x", StringComparison.Ordinal));

        Assert.Equal((status, detail), (got, answer!["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_external_id_longer_than_a_binding_holds_is_a_422_not_a_storage_error()
    {
        var tenant = NewId("org_cl");

        var (longest, _) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, "admin", Body(tenant, BindingTypes.SlackUser, new string('%', BindingEndpoints.MaxExternalIdLength)));
        var (tooLong, body) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, "admin", Body(tenant, BindingTypes.SlackUser, new string('%', BindingEndpoints.MaxExternalIdLength + 1)));

        Assert.Equal((200, 422), (longest, tooLong));
        Assert.Equal("external_id", body!["detail"]![0]!["loc"]![1]!.GetValue<string>());
    }

    private static string Body(string tenant, string type, string externalId) =>
        new JsonObject { ["org_id"] = tenant, ["binding_type"] = type, ["external_id"] = externalId }.ToJsonString();

    private static string Update(long chat, long sender, string text) =>
        new JsonObject
        {
            ["update_id"] = Random.Shared.NextInt64(1, long.MaxValue),
            ["message"] = new JsonObject
            {
                ["message_id"] = 1,
                ["from"] = new JsonObject { ["id"] = sender, ["is_bot"] = false, ["first_name"] = "Ada" },
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" },
                ["date"] = 1_700_000_000,
                ["text"] = text,
            },
        }.ToJsonString();

    private static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    private async Task<string> ConnectedTenantAsync()
    {
        var tenant = NewId("org_chan");
        var (status, _) = await _http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");
        Assert.Equal(200, status);
        return tenant;
    }

    private async Task BindAsync(string tenant, string type, string externalId)
    {
        var (status, body) = await _http.SendAsync(HttpMethod.Post, "api/v1/integrations/bindings", tenant, "admin", Body(tenant, type, externalId));
        Assert.True(status == 200, body?.ToJsonString());
    }
}
