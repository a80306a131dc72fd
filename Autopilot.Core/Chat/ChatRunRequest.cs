namespace Autopilot.Core.Chat;

/// <summary>Body of <c>POST /api/v1/chat/run</c> (spec §12.1): org_id, user_id and a non-empty message required; session_id optional.</summary>
public sealed record ChatRunRequest(string? OrgId, string? UserId, string? Message, string? SessionId);
