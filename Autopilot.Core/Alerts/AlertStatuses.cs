namespace Autopilot.Core.Alerts;

/// <summary>An alert's states (ALERT-1). Open, escalated and acknowledged alerts are live: a raise with their dedupe key updates them.</summary>
public static class AlertStatuses
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
    public const string Resolved = "resolved";

    public static IReadOnlyList<string> All { get; } = [Open, Acknowledged, Escalated, Resolved];

    public static bool IsLive(string status) => status is Open or Escalated or Acknowledged;
}
