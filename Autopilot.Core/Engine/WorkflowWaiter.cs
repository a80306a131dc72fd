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

    /// <summary>
    /// Polls until the instance finishes or <paramref name="stop"/> says its state is worth answering with (e.g. it
    /// waits for a person); null at the deadline.
    /// </summary>
    public static async Task<OrchestrationMetadata?> WaitUntilAsync(DurableTaskClient client, string instanceId, TimeSpan wait, Func<OrchestrationMetadata, bool> stop, TimeProvider time, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellation);
            if (instance is not null && (instance.IsCompleted || stop(instance)))
            {
                return instance;
            }

            var left = wait - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(delay < left ? delay : left, time, cancellation);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}
