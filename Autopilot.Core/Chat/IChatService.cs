namespace Autopilot.Core.Chat;

/// <summary>
/// The chat front door (CHAT-1..6), shared by <c>POST /api/v1/chat/run</c>, the console and the Slack/Telegram channels.
/// </summary>
public interface IChatService
{
    /// <summary>
    /// Reads the turn's intent (keyword fallback, or the accounted language model), starts the agent run or the workflow
    /// through admission, and waits up to <paramref name="wait"/> for it. Returns the final reply, or a provisional one
    /// with <see cref="ChatReply.PendingWorkflowId"/> set (queued, or still running when the wait ended).
    /// </summary>
    Task<ChatReply> StartAsync(ChatTurn turn, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>
    /// The final reply of a provisional one: null while its workflow is still queued or running. Idempotent (reads only),
    /// so a durable orchestration may call it again after a crash.
    /// </summary>
    Task<ChatReply?> CompleteAsync(ChatTurn turn, ChatReply pending, CancellationToken cancellationToken);
}
