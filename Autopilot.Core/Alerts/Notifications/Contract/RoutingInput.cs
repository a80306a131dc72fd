using System.Text.Json.Nodes;

namespace Autopilot.Core.Alerts.Notifications.Contract;

/// <summary>Body of POST /alerts/routing: the whole routing (channels, escalation recipients, reminder minutes). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record RoutingInput(string OrgId, JsonObject Routing);
