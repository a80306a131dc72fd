namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// One event of an alert that people are told about (NTF-3): <see cref="AlertEventTypes"/>. <paramref name="EventKey"/>
/// names the occurrence (e.g. the due time an escalation or reminder was for), so one occurrence is announced once
/// however many replicas, timers and explicit calls reach it: delivery is exactly once per (alert, event key, channel,
/// recipient).
/// </summary>
public sealed record AlertEvent(string TenantId, string AlertId, string EventType, string EventKey);
