using System.Text.Json.Nodes;

namespace Autopilot.Core.Channels.Outbound;

/// <summary>
/// CHAN-10, Telegram: <c>sendMessage</c> at <c>{base}/bot{token}/sendMessage</c> (skipped, returning false, when no token is set).
/// Telegram's <c>ok:false</c> is a failure.
/// </summary>
public sealed class TelegramApiClient
{
    private readonly IHttpClientFactory _clients;
    private readonly ChannelOptions _options;

    public TelegramApiClient(IHttpClientFactory clients, ChannelOptions options)
    {
        _clients = clients;
        _options = options;
    }

    public async Task<bool> SendMessageAsync(string chatId, string text, CancellationToken cancellation)
    {
        if (_options.TelegramBotToken.Length == 0)
        {
            return false;
        }

        // chat_id as Telegram sends it: an integer (negative for groups); a username-style id stays a string.
        JsonNode chat = long.TryParse(chatId, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var numeric) ? numeric : chatId;
        // "./": a bot token holds a colon ("123:abc"), which would otherwise read as a URI scheme.
        var url = new Uri(_options.TelegramApiBaseUrl, $"./bot{_options.TelegramBotToken}/sendMessage");
        var answer = await ChannelHttp.PostAsync(_clients.CreateClient(ChannelHttp.ClientName), url, new JsonObject { ["chat_id"] = chat, ["text"] = text }, null, "Telegram sendMessage", cancellation);
        if (answer?["ok"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            throw new ChannelPostException($"Telegram sendMessage answered ok:false ({answer?["description"]?.ToString() ?? "no description"})");
        }

        return true;
    }
}
