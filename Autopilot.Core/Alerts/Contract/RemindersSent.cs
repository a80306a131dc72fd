namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts/reminders/process. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record RemindersSent(string OrgId, int Reminders, IReadOnlyList<string> NotificationIds);
