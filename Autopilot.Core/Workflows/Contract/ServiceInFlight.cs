namespace Autopilot.Core.Workflows.Contract;

/// <summary>The service-wide in-flight limit as a tenant sees it. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record ServiceInFlight(int InFlightLimit, int InFlight, bool AtLimit, string QueuedReason);
