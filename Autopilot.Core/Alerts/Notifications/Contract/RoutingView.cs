using System.Text.Json.Nodes;

namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>A tenant's notification routing (no secrets). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record RoutingView(string OrgId, JsonObject Routing);
