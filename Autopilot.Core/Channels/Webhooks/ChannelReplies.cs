using Autopilot.Core.Channels.Replies;
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
