namespace Autopilot.Core.Feedback.Contract;

/// <summary>One feedback record in the review list. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record FeedbackReviewItem(string Id, string? UserId, string? ArtifactId, string? ArtifactType, string FeedbackType, string? Comment, string? Provider, string? Model, string? Channel, bool Resolved, string? ResolvedBy, string? CreatedAt);
