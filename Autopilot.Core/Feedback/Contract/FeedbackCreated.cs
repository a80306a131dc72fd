namespace Autopilot.Core.Feedback.Contract;

/// <summary>Body of POST /feedback. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record FeedbackCreated(string Id, string? CreatedAt);
