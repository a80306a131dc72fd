namespace Autopilot.Core.Alerts;

public sealed record RecordedAlert(string AlertId, string TenantId, AlertRequest Request, string Status, DateTimeOffset CreatedAt);
