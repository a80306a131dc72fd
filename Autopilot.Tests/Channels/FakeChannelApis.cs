using System.Diagnostics;
using System.Text.Json.Nodes;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Channels;

/// <summary>
/// Slack's and Telegram's bot APIs over loopback, as strict as the real ones about credentials: <c>POST /api/chat.postMessage</c>
/// wants <c>Authorization: Bearer {SlackToken}</c> (else 200 <c>ok:false invalid_auth</c>, as Slack answers),
/// <c>POST /bot{token}/sendMessage</c> wants the bot token in its path (else 401 <c>ok:false</c>), and <c>POST /hooks/…</c>
/// stands for a slash command's response_url. Every accepted message is recorded; failures can be scripted.
/// </summary>
internal sealed class FakeChannelApis : IAsyncDisposable
{
    public const string SlackToken = "xoxb-fake-slack-token";
    public const string TelegramToken = "123456:fake-telegram-token";

    private readonly Lock _gate = new();
    private readonly List<ReceivedMessage> _received = [];
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri SlackApiBase => new(BaseUri, "api/");

    public IReadOnlyList<ReceivedMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Requests refused for their credentials (never recorded as received).</summary>
    public int Unauthorized { get; private set; }

    public static async Task<FakeChannelApis> StartAsync()
    {
        var fake = new FakeChannelApis();
        (fake._app, fake.BaseUri) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/api/chat.postMessage", fake.SlackPostAsync);
            app.MapPost("/hooks/{*path}", fake.ResponseUrlAsync);
            app.MapPost("/{bot}/sendMessage", fake.TelegramSendAsync);
        });
        return fake;
    }

    /// <summary>A response_url on this fake, as Slack would put in a slash command.</summary>
    public string ResponseUrl(string id) => new Uri(BaseUri, "hooks/commands/" + id).ToString();

    /// <summary>The next <paramref name="count"/> calls to <paramref name="api"/> (<c>slack</c>, <c>telegram</c>) answer ok:false.</summary>
    public void FailNext(string api, int count)
    {
        lock (_gate)
        {
            _failures[api] = count;
        }
    }

    public async Task<IReadOnlyList<ReceivedMessage>> WaitForAsync(Func<ReceivedMessage, bool> match, int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Received.Where(match).ToList();
            if (found.Count >= count || clock.Elapsed > timeout)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task SlackPostAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + SlackToken)
        {
            Unauthorized++;
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" });
            return;
        }

        if (TakeFailure("slack"))
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
            return;
        }

        Record(new ReceivedMessage("slack", body["channel"]?.ToString(), body["text"]?.ToString() ?? "", body["thread_ts"]?.ToString()));
        await context.Response.WriteAsJsonAsync(new { ok = true, channel = body["channel"]?.ToString(), ts = "1700000000.000100" });
    }

    private async Task ResponseUrlAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Record(new ReceivedMessage("response_url", context.Request.Path.Value, body["text"]?.ToString() ?? "", null));
        await context.Response.WriteAsync("ok");
    }

    private async Task TelegramSendAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (context.Request.RouteValues["bot"]?.ToString() != "bot" + TelegramToken)
        {
            Unauthorized++;
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { ok = false, error_code = 401, description = "Unauthorized" });
            return;
        }

        if (TakeFailure("telegram"))
        {
            await context.Response.WriteAsJsonAsync(new { ok = false, error_code = 429, description = "Too Many Requests" });
            return;
        }

        Record(new ReceivedMessage("telegram", body["chat_id"]?.ToJsonString(), body["text"]?.ToString() ?? "", null));
        await context.Response.WriteAsJsonAsync(new { ok = true, result = new { message_id = 1 } });
    }

    private bool TakeFailure(string api)
    {
        lock (_gate)
        {
            if (_failures.TryGetValue(api, out var left) && left > 0)
            {
                _failures[api] = left - 1;
                return true;
            }

            return false;
        }
    }

    private void Record(ReceivedMessage message)
    {
        lock (_gate)
        {
            _received.Add(message);
        }
    }
}
