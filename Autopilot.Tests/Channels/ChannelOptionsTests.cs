using Autopilot.Core.Channels;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Channels;

/// <summary>The channel settings: defaults when unset, the seed's names, and a bad API base URL named in the refusal.</summary>
public sealed class ChannelOptionsTests
{
    [Fact]
    public void Unset_settings_leave_every_secret_empty_and_the_real_api_hosts()
    {
        var options = ChannelOptions.Read(new ConfigurationBuilder().Build());

        Assert.Equal(("", "", "", ""), (options.SlackSigningSecret, options.SlackBotToken, options.TelegramWebhookSecret, options.TelegramBotToken));
        Assert.Equal((new Uri("https://slack.com/api/"), new Uri("https://api.telegram.org/")), (options.SlackApiBaseUrl, options.TelegramApiBaseUrl));
    }

    [Fact]
    public void The_seeds_variables_are_read_and_a_base_url_gets_its_trailing_slash()
    {
        var options = ChannelOptions.Read(Config(new()
        {
            ["SLACK_SIGNING_SECRET"] = "sig",
            ["SLACK_DEFAULT_ORG_ID"] = "org_s",
            ["TELEGRAM_DEFAULT_ORG_ID"] = "org_t",
            ["SLACK_API_BASE_URL"] = "http://127.0.0.1:9/api",
        }));

        Assert.Equal(("sig", "org_s", "org_t"), (options.SlackSigningSecret, options.SlackDefaultOrgId, options.TelegramDefaultOrgId));
        Assert.Equal(new Uri("http://127.0.0.1:9/api/chat.postMessage"), new Uri(options.SlackApiBaseUrl, "chat.postMessage"));
    }

    [Theory]
    [InlineData("SLACK_API_BASE_URL", "slack.com/api")]
    [InlineData("TELEGRAM_API_BASE_URL", "ftp://api.telegram.org")]
    public void A_base_url_that_is_not_absolute_http_stops_the_start_naming_the_variable(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChannelOptions.Read(Config(new() { [key] = value })));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_the_options_never_prints_a_secret()
    {
        var options = new ChannelOptions { SlackSigningSecret = "sig-secret", SlackBotToken = "xoxb-secret", TelegramBotToken = "tg-secret", TelegramWebhookSecret = "hook-secret" };

        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
