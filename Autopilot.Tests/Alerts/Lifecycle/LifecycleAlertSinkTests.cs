using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// Auto alerts (AUTO-1..3) are raised by activities through <see cref="IAlertSink"/>: on the self-hosted engine the sink
/// starts their lifecycle at once (no sweep runs in this engine), and a dedupe update signals the running one.
/// </summary>
public sealed class LifecycleAlertSinkTests
{
    [Fact]
    public async Task An_alert_raised_through_the_sink_gets_its_lifecycle_at_once_and_one_only_when_raised_again()
    {
        await using var engine = await InProcessEngine.StartAsync("alsink", new Dictionary<string, string?> { ["ALERT_MINUTE"] = "00:00:01" });
        var sink = engine.Services.GetRequiredService<IAlertSink>();
        var tenant = AlertLifecycleServer.NewTenant("alsink");
        var request = new AlertRequest("workflow_dead_letter:memo:q1", "memo workflow moved to dead letter", "Queue item q1 failed repeatedly", "P0", "workflow_queue", "q1");

        var alert = await sink.RaiseAsync(tenant, request, CancellationToken.None);
        var instanceId = AlertLifecycleOrchestration.InstanceIdFor(tenant, alert.AlertId);
        await AlertLifecycleServer.WaitForAsync(() => engine.Client.GetInstanceAsync(instanceId), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Running,
            TimeSpan.FromSeconds(30), "the sink did not start the alert's lifecycle");

        var again = await sink.RaiseAsync(tenant, request, CancellationToken.None);
        Assert.Equal(alert.AlertId, again.AlertId);
        var lifecycles = new List<OrchestrationMetadata>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = $"alert-{tenant}-" }))
        {
            lifecycles.Add(instance);
        }

        // Signalled, not started twice: still the one live lifecycle of the alert.
        var only = Assert.Single(lifecycles);
        Assert.Equal(instanceId, only.InstanceId);
        Assert.False(only.IsCompleted, $"lifecycle is {only.RuntimeStatus}");
    }
}
