namespace Autopilot.Core.Feedback.Contract;

/// <summary>Body of POST /feedback/{feedback_id}/resolve. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record FeedbackResolved(string Id, bool Resolved, string? ResolvedAt);
