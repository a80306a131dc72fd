using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// The alert sink of the workflows (AUTO-1..3): raises through the store, then starts or signals the alert's lifecycle.
/// Where the engine client is not a service (the Functions worker binds it per function) the sweep starts it instead.
/// </summary>
public sealed class LifecycleAlertSink : IAlertSink
{
    private readonly AlertStore _alerts;
    private readonly AlertLifecycles _lifecycles;
    private readonly IServiceProvider _services;

    public LifecycleAlertSink(AlertStore alerts, AlertLifecycles lifecycles, IServiceProvider services)
    {
        _alerts = alerts;
        _lifecycles = lifecycles;
        _services = services;
    }

    public async Task<Alert> RaiseAsync(string tenantId, AlertRequest alert, CancellationToken cancellation)
    {
        var raised = await _alerts.RaiseAsync(tenantId, alert, cancellation);
        // Resolved when used, not when built: the engine's client is built after the activities that raise alerts are registered.
        if (_services.GetService<DurableTaskClient>() is { } client)
        {
            await _lifecycles.SyncAsync(client, raised, cancellation);
        }

        return raised;
    }
}
