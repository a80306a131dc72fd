namespace Autopilot.Core.Feedback.Contract;

/// <summary>Body of GET /feedback/review. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record FeedbackReviewView(string OrgId, int Count, IReadOnlyList<FeedbackReviewItem> Items);
