using Autopilot.Core.Chat;
using Microsoft.DurableTask;

namespace Autopilot.Core.Channels.Replies;

/// <summary>Reads whether a provisional reply's work has finished (<see cref="IChatService.CompleteAsync"/>, read-only, so safe to repeat).</summary>
public sealed class CompleteChannelChatActivity : TaskActivity<CompleteChannelChatInput, ChatReply?>
{
    private readonly IChatService _chat;

    public CompleteChannelChatActivity(IChatService chat) => _chat = chat;

    public override Task<ChatReply?> RunAsync(TaskActivityContext context, CompleteChannelChatInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _chat.CompleteAsync(input.Turn, input.Pending, CancellationToken.None);
    }
}
