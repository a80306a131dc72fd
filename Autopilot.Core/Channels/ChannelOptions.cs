using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Channels;

/// <summary>
/// Slack and Telegram settings (spec §25's <c>SLACK_*</c>, <c>TELEGRAM_*</c>; CHAN-1..10). A class rather than a record so no
/// generated <c>ToString</c> can print a secret or a token into a log. Unset secrets make their webhook refuse every request;
/// unset bot tokens make replies skipped silently.
/// </summary>
public sealed class ChannelOptions
{
    public static readonly Uri DefaultSlackApiBaseUrl = new("https://slack.com/api/");
    public static readonly Uri DefaultTelegramApiBaseUrl = new("https://api.telegram.org/");

    public static ChannelOptions Off { get; } = new();

    public string SlackSigningSecret { get; init; } = string.Empty;

    public string SlackBotToken { get; init; } = string.Empty;

    public string SlackDefaultOrgId { get; init; } = string.Empty;

    public Uri SlackApiBaseUrl { get; init; } = DefaultSlackApiBaseUrl;

    public string TelegramBotToken { get; init; } = string.Empty;

    public string TelegramWebhookSecret { get; init; } = string.Empty;

    public string TelegramDefaultOrgId { get; init; } = string.Empty;

    public Uri TelegramApiBaseUrl { get; init; } = DefaultTelegramApiBaseUrl;

    /// <summary>Reads the settings; a base URL that is not absolute http(s) throws naming the variable.</summary>
    public static ChannelOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var options = new ChannelOptions
        {
            SlackSigningSecret = Value(configuration, "SLACK_SIGNING_SECRET"),
            SlackBotToken = Value(configuration, "SLACK_BOT_TOKEN"),
            SlackDefaultOrgId = Value(configuration, "SLACK_DEFAULT_ORG_ID"),
            SlackApiBaseUrl = BaseUrl(configuration, "SLACK_API_BASE_URL", DefaultSlackApiBaseUrl, errors),
            TelegramBotToken = Value(configuration, "TELEGRAM_BOT_TOKEN"),
            TelegramWebhookSecret = Value(configuration, "TELEGRAM_WEBHOOK_SECRET"),
            TelegramDefaultOrgId = Value(configuration, "TELEGRAM_DEFAULT_ORG_ID"),
            TelegramApiBaseUrl = BaseUrl(configuration, "TELEGRAM_API_BASE_URL", DefaultTelegramApiBaseUrl, errors),
        };
        return errors.Count > 0 ? throw new InvalidOperationException(string.Join(Environment.NewLine + " - ", errors)) : options;
    }

    private static string Value(IConfiguration configuration, string key) => configuration[key]?.Trim() ?? string.Empty;

    private static Uri BaseUrl(IConfiguration configuration, string key, Uri fallback, List<string> errors)
    {
        var raw = Value(configuration, key);
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (Uri.TryCreate(raw.EndsWith('/') ? raw : raw + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        errors.Add($"{key} must be an absolute http(s) URL; got '{raw}'.");
        return fallback;
    }
}
