using System.Globalization;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Chat;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Channels.Webhooks;

/// <summary>Starts a message's reply once: a second start of the same instance id (a redelivered event) is refused by the engine and ignored here.</summary>
internal static class ChannelReplies
{
    private static readonly OrchestrationRuntimeStatus[] Ever =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
         OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>
    /// The reply to a chat turn: the turn itself, or, when its message is longer than chat reads
    /// (<see cref="ChatEndpoints.MaxMessageLength"/>; a Slack message may hold 40,000 characters), a reply that says so
    /// instead of answering a cut-off question.
    /// </summary>
    public static ChannelReplyInput Answer(ChatTurn turn, ChannelDestination destination, ChannelAuditEntry audit)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Message.Length > ChatEndpoints.MaxMessageLength
            ? new ChannelReplyInput(null, TooLong(turn.Message.Length), destination, null)
            : new ChannelReplyInput(turn, null, destination, audit);
    }

    public static string TooLong(int length) => string.Format(CultureInfo.InvariantCulture,
        "Your message is {0:N0} characters long; I read questions of up to {1:N0}. Please shorten it and ask again.", length, ChatEndpoints.MaxMessageLength);

    /// <returns>True when this call started it; false when the instance already existed.</returns>
    public static async Task<bool> StartOnceAsync(DurableTaskClient client, string instanceId, ChannelReplyInput input, CancellationToken cancellation)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ChannelReplyOrchestration), input,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Ever), cancellation);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
