namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts/policy. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertPolicyInput(string OrgId, IReadOnlyDictionary<string, int> Policy);
