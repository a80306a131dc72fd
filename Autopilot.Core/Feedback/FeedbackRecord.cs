namespace Autopilot.Core.Feedback;

/// <summary>
/// One piece of feedback (FB-1): immutable except the resolve fields. <see cref="ConversationContext"/> is stored as JSON
/// text and never returned by a route.
/// </summary>
public sealed record FeedbackRecord(
    string Id,
    string TenantId,
    string UserId,
    string ArtifactId,
    int ArtifactVersion,
    string ArtifactType,
    string FeedbackType,
    string? Comment,
    string? PromptHash,
    string? ToolInputsHash,
    string? SessionId,
    string? Provider,
    string? Model,
    bool WasFallback,
    string? ConversationContext,
    string? Channel,
    bool Resolved,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    DateTimeOffset CreatedAt);
