using System.Text.Json.Nodes;

namespace Autopilot.Core.Channels.Outbound;

/// <summary>
/// CHAN-10, Slack: <c>chat.postMessage</c> with the bot token as a bearer (skipped, returning false, when no token is set), and
/// a slash command's <c>response_url</c>. Slack answers HTTP 200 with <c>ok:false</c> for its own errors: that is a failure too.
/// </summary>
public sealed class SlackApiClient
{
    private readonly IHttpClientFactory _clients;
    private readonly ChannelOptions _options;

    public SlackApiClient(IHttpClientFactory clients, ChannelOptions options)
    {
        _clients = clients;
        _options = options;
    }

    /// <summary>Posts to a channel (in a thread when <paramref name="threadTs"/> is set); false when no bot token is configured.</summary>
    public async Task<bool> PostMessageAsync(string channel, string text, string? threadTs, CancellationToken cancellation)
    {
        if (_options.SlackBotToken.Length == 0)
        {
            return false;
        }

        var body = new JsonObject { ["channel"] = channel, ["text"] = text };
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        var answer = await ChannelHttp.PostAsync(_clients.CreateClient(ChannelHttp.ClientName), new Uri(_options.SlackApiBaseUrl, "chat.postMessage"), body, _options.SlackBotToken, "Slack chat.postMessage", cancellation);
        if (answer?["ok"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            throw new ChannelPostException($"Slack chat.postMessage answered ok:false ({answer?["error"]?.ToString() ?? "no error code"})");
        }

        return true;
    }

    /// <summary>
    /// Answers a slash command through its <c>response_url</c> (no token needed). Only Slack's hooks host or the configured API's
    /// host is called: the URL came in a request, so it is not trusted to point anywhere else.
    /// </summary>
    public async Task<bool> RespondAsync(string responseUrl, string text, CancellationToken cancellation)
    {
        if (!IsSlackUrl(responseUrl, out var url))
        {
            throw new ChannelPostException("the slash command's response_url is not a Slack URL");
        }

        await ChannelHttp.PostAsync(_clients.CreateClient(ChannelHttp.ClientName), url, new JsonObject { ["response_type"] = "ephemeral", ["text"] = text }, null, "Slack response_url", cancellation);
        return true;
    }

    /// <summary>Whether a response_url may be called: https on hooks.slack.com, or the configured Slack API's own origin.</summary>
    public bool IsSlackUrl(string? candidate, out Uri url)
    {
        url = null!;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        var api = _options.SlackApiBaseUrl;
        var allowed = (parsed.Scheme == "https" && parsed.Host == "hooks.slack.com")
            || (parsed.Scheme == api.Scheme && parsed.Host == api.Host && parsed.Port == api.Port);
        url = parsed;
        return allowed;
    }
}
