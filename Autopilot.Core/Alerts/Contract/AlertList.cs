namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of GET /alerts. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertList(string OrgId, IReadOnlyList<AlertView> Items);
