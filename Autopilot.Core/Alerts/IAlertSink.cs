namespace Autopilot.Core.Alerts;

/// <summary>Where workflow machinery raises alerts. The alerts feature routes and delivers them; this seam records them.</summary>
public interface IAlertSink
{
    Task RaiseAsync(string tenantId, AlertRequest alert, CancellationToken cancellation);
}
