namespace Autopilot.Core.Alerts;

/// <summary>Where workflow machinery raises alerts (AUTO-1..3): create, or update the live alert with the same dedupe key (ALERT-3).</summary>
public interface IAlertSink
{
    Task<Alert> RaiseAsync(string tenantId, AlertRequest alert, CancellationToken cancellation);
}
