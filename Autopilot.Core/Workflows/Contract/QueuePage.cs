namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of GET /workflows/queue. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueuePage(string OrgId, int QueuedTotal, ServiceInFlight Service, string? NextCursor, IReadOnlyList<QueueItemView> Items);
