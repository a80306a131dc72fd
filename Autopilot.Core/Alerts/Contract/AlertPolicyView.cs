namespace Autopilot.Core.Alerts.Contract;

/// <summary>A tenant's escalation minutes per severity. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertPolicyView(string OrgId, IReadOnlyDictionary<string, int> Policy);
