using Autopilot.Core.Channels;
using Autopilot.Core.Channels.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Channels.Outbound;

/// <summary>
/// CHAN-10 against the fake Slack and Telegram APIs over loopback: the real clients send what the APIs expect (bearer token,
/// token in the path, channel + thread, chat id), treat <c>ok:false</c> as a failure, and send nothing without a token.
/// </summary>
public sealed class ChannelApiClientTests : IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private FakeChannelApis _apis = null!;

    public async Task InitializeAsync() => _apis = await FakeChannelApis.StartAsync();

    public async Task DisposeAsync()
    {
        await _apis.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Slack_posts_to_the_channel_and_thread_with_the_bot_token()
    {
        var posted = await Slack(FakeChannelApis.SlackToken).PostMessageAsync("C1", "Rows: 3", "1700000000.000001", CancellationToken.None);

        Assert.True(posted);
        Assert.Equal([new ReceivedMessage("slack", "C1", "Rows: 3", "1700000000.000001")], _apis.Received);
    }

    [Fact]
    public async Task Slack_ok_false_is_a_failure_that_names_slacks_error_and_not_the_token()
    {
        var wrongToken = await Assert.ThrowsAsync<ChannelPostException>(() => Slack("xoxb-wrong").PostMessageAsync("C1", "hi", null, CancellationToken.None));
        _apis.FailNext("slack", 1);
        var refused = await Assert.ThrowsAsync<ChannelPostException>(() => Slack(FakeChannelApis.SlackToken).PostMessageAsync("C1", "hi", null, CancellationToken.None));

        Assert.Contains("invalid_auth", wrongToken.Message, StringComparison.Ordinal);
        Assert.Contains("ratelimited", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xoxb", wrongToken.Message + refused.Message, StringComparison.Ordinal);
        Assert.Empty(_apis.Received);
    }

    [Fact]
    public async Task Telegram_sends_to_the_chat_with_the_token_in_the_path_and_a_wrong_token_fails_without_quoting_it()
    {
        var sent = await Telegram(FakeChannelApis.TelegramToken).SendMessageAsync("-10042", "Completed.", CancellationToken.None);
        var wrong = await Assert.ThrowsAsync<ChannelPostException>(() => Telegram("999:wrong").SendMessageAsync("-10042", "x", CancellationToken.None));
        _apis.FailNext("telegram", 1);
        var refused = await Assert.ThrowsAsync<ChannelPostException>(() => Telegram(FakeChannelApis.TelegramToken).SendMessageAsync("7", "x", CancellationToken.None));

        Assert.True(sent);
        Assert.Equal([new ReceivedMessage("telegram", "-10042", "Completed.", null)], _apis.Received);
        Assert.DoesNotContain("wrong", wrong.Message, StringComparison.Ordinal);
        Assert.Contains("Too Many Requests", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent_and_the_reply_counts_as_skipped()
    {
        var slack = await Slack("").PostMessageAsync("C1", "hi", null, CancellationToken.None);
        var telegram = await Telegram("").SendMessageAsync("7", "hi", CancellationToken.None);

        Assert.Equal((false, false), (slack, telegram));
        Assert.Equal((0, 0), (_apis.Received.Count, _apis.Unauthorized));
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/1/abc", true)]
    [InlineData("http://hooks.slack.com/commands/T1/1/abc", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands", false)]
    [InlineData("https://example.com/hooks", false)]
    [InlineData("not a url", false)]
    public void A_response_url_is_called_only_on_slacks_hooks_host(string url, bool allowed)
    {
        Assert.Equal(allowed, Slack(FakeChannelApis.SlackToken).IsSlackUrl(url, out _));
    }

    [Fact]
    public async Task A_response_url_on_the_configured_api_host_is_answered_and_another_host_is_refused()
    {
        var client = Slack(FakeChannelApis.SlackToken);

        await client.RespondAsync(_apis.ResponseUrl("c1"), "Working done", CancellationToken.None);
        await Assert.ThrowsAsync<ChannelPostException>(() => client.RespondAsync("http://127.0.0.2:1/hooks/x", "no", CancellationToken.None));

        Assert.Equal([new ReceivedMessage("response_url", "/hooks/commands/c1", "Working done", null)], _apis.Received);
    }

    private SlackApiClient Slack(string token) =>
        new(_services.GetRequiredService<IHttpClientFactory>(), new ChannelOptions { SlackBotToken = token, SlackApiBaseUrl = _apis.SlackApiBase });

    private TelegramApiClient Telegram(string token) =>
        new(_services.GetRequiredService<IHttpClientFactory>(), new ChannelOptions { TelegramBotToken = token, TelegramApiBaseUrl = _apis.BaseUri });
}
