namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of GET /workflows/dead-letters. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record DeadLetterPage(string OrgId, string? NextCursor, IReadOnlyList<DeadLetterView> Items);
