using System.Text.Json;

namespace Autopilot.Core.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback</c> (spec §10.1); required fields are nullable here so a missing one is a 422 naming it.</summary>
public sealed record FeedbackRequest(
    string? TenantId,
    string? UserId,
    string? ArtifactId,
    int? ArtifactVersion,
    string? ArtifactType,
    string? FeedbackType,
    string? Comment = null,
    string? PromptHash = null,
    string? ToolInputsHash = null,
    string? SessionId = null,
    string? Provider = null,
    string? Model = null,
    bool WasFallback = false,
    IReadOnlyList<JsonElement>? ConversationContext = null,
    string? Channel = null);
