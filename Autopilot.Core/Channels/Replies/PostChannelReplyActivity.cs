using Autopilot.Core.Channels.Outbound;
using Microsoft.DurableTask;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// Posts the reply (CHAN-10): Slack <c>chat.postMessage</c> to the channel and thread, or the slash command's
/// <c>response_url</c>; Telegram <c>sendMessage</c>. Idempotent per instance (<see cref="ChannelReplyPosts"/>). A failure throws
/// <see cref="ChannelPostException"/> and the orchestration's retry policy tries a bounded number of times. Returns false when
/// the channel has no bot token (skipped silently).
/// </summary>
public sealed class PostChannelReplyActivity : TaskActivity<PostChannelReplyInput, bool>
{
    private readonly ChannelReplyPosts _posts;
    private readonly SlackApiClient _slack;
    private readonly TelegramApiClient _telegram;

    public PostChannelReplyActivity(ChannelReplyPosts posts, SlackApiClient slack, TelegramApiClient telegram)
    {
        _posts = posts;
        _slack = slack;
        _telegram = telegram;
    }

    public override async Task<bool> RunAsync(TaskActivityContext context, PostChannelReplyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await _posts.WasPostedAsync(input.TenantId, input.InstanceId, CancellationToken.None))
        {
            return true;
        }

        var to = input.Destination;
        var posted = to switch
        {
            { Channel: ChannelDestination.Telegram, TelegramChatId: { } chat } => await _telegram.SendMessageAsync(chat, input.Text, CancellationToken.None),
            { Channel: ChannelDestination.Slack, ResponseUrl: { Length: > 0 } url } => await _slack.RespondAsync(url, input.Text, CancellationToken.None),
            { Channel: ChannelDestination.Slack, SlackChannel: { Length: > 0 } channel } => await _slack.PostMessageAsync(channel, input.Text, to.ThreadTs, CancellationToken.None),
            _ => false,
        };
        if (posted)
        {
            await _posts.MarkPostedAsync(input.TenantId, input.InstanceId, to.Channel, CancellationToken.None);
        }

        return posted;
    }
}
