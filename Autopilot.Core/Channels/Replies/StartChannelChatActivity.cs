using Autopilot.Core.Audit;
using Autopilot.Core.Chat;
using Microsoft.DurableTask;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// Starts the chat turn (<see cref="IChatService.StartAsync"/> with a short wait) and writes §15's audit row with the intent
/// it was read as — once per instance, so a re-run after a crash adds no second row.
/// </summary>
public sealed class StartChannelChatActivity : TaskActivity<ChannelReplyInput, ChatReply>
{
    /// <summary>How long the first answer may take before the orchestration polls for it instead.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly IChatService _chat;
    private readonly AuditLog _audit;

    public StartChannelChatActivity(IChatService chat, AuditLog audit)
    {
        _chat = chat;
        _audit = audit;
    }

    public override async Task<ChatReply> RunAsync(TaskActivityContext context, ChannelReplyInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var turn = input.Turn ?? throw new ArgumentException("A fixed message has no chat turn to start.", nameof(input));
        var reply = await _chat.StartAsync(turn, Wait, CancellationToken.None);
        if (input.Audit is { } audit)
        {
            var payload = new Dictionary<string, string>(audit.Fields, StringComparer.Ordinal)
            {
                ["response_type"] = reply.ResponseType,
                ["intent_action"] = reply.Meta.IntentAction,
            };
            if (audit.EventType == ChannelAudits.SlackEvent)
            {
                // §15.2's row names the event type, not the reply's kind.
                payload.Remove("response_type");
            }

            await _audit.AppendOnceAsync(turn.TenantId, audit.EventType, payload, "channel-audit-" + context.InstanceId, CancellationToken.None);
        }

        return reply;
    }
}
