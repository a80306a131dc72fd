using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Engine;

/// <summary>Waits a bounded time for an orchestration to finish; null when it is still running at the deadline.</summary>
public static class WorkflowWaiter
{
    public static async Task<OrchestrationMetadata?> WaitAsync(DurableTaskClient client, string instanceId, TimeSpan wait, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(wait);
        try
        {
            return await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
