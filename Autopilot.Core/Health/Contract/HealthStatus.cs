namespace Autopilot.Core.Health.Contract;

/// <summary>Body of GET /health. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record HealthStatus(string Status, string App);
