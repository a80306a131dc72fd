using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Autopilot.Functions;

/// <summary>Scheduled work: the queue pass the self-hosted server runs as a background service.</summary>
public sealed class TimerFunctions(AdmissionStore admission, QueueProcessor processor, WorkflowLauncher launcher)
{
    /// <summary>Every 30 seconds, each tenant with queued work gets an admission pass (slots freed, outages over).</summary>
    [Function("ProcessQueuedWork")]
    public async Task ProcessQueuedWork([TimerTrigger("*/30 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellation)
    {
        await processor.RecoverLaunchesAsync(client, launcher, cancellation);
        foreach (var tenant in await admission.TenantsWithQueuedWorkAsync(cancellation))
        {
            await processor.ProcessTenantAsync(client, tenant, cancellation);
        }
    }
}
