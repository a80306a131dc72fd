using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Chat;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Channels;

/// <summary>
/// A channel message whose chat turn keeps failing (past the activity's retries) is still answered: the reply orchestration
/// posts that it could not answer, on the real engine and Azurite, to the fake Telegram API over loopback.
/// </summary>
public sealed class ChannelReplyFailureTests
{
    [Fact]
    public async Task A_chat_turn_that_fails_past_its_retries_is_answered_with_an_apology_not_silence()
    {
        await using var apis = await FakeChannelApis.StartAsync();
        var chat = new FailingChat();
        await using var engine = await InProcessEngine.StartAsync("chanfail", new Dictionary<string, string?>
        {
            ["TELEGRAM_WEBHOOK_SECRET"] = ChannelServers.WebhookSecret,
            ["TELEGRAM_BOT_TOKEN"] = FakeChannelApis.TelegramToken,
            ["TELEGRAM_API_BASE_URL"] = apis.BaseUri.ToString(),
        }, services => services.AddSingleton<IChatService>(chat));
        var chatId = Random.Shared.NextInt64(10_000_000, 90_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var input = new ChannelReplyInput(new ChatTurn("org_chanfail", "tg:1", "How many orders?", "tg:" + chatId, ChatOrigin.Telegram), null,
            new ChannelDestination(ChannelDestination.Telegram, TelegramChatId: chatId), null);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChannelReplyOrchestration), input);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var done = await engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var sent = Assert.Single(await apis.WaitForAsync(m => m.Api == "telegram" && m.To == chatId, 1, TimeSpan.FromSeconds(10)));
        Assert.Equal(ChannelReplyOrchestration.CouldNotAnswer, sent.Text);
        Assert.True(chat.Calls > 1, $"the chat turn was retried before giving up ({chat.Calls} calls)");
    }

    /// <summary>A chat service whose every turn fails, as a store outage or a bug would make it.</summary>
    private sealed class FailingChat : IChatService
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ChatReply> StartAsync(ChatTurn turn, TimeSpan wait, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("the chat store is down");
        }

        public Task<ChatReply?> CompleteAsync(ChatTurn turn, ChatReply pending, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the chat store is down");
    }
}
