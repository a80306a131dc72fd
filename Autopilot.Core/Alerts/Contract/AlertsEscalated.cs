namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts/escalate. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertsEscalated(string OrgId, int Escalated, IReadOnlyList<string> AlertIds);
