namespace Autopilot.Core.Connectors.Contract;

/// <summary>Body of a successful connect. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ConnectionView(string ConnectionId, string Status, string Warehouse);
