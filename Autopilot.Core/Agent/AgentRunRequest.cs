namespace Autopilot.Core.Agent;

/// <summary>Body of <c>POST /api/v1/agent/run</c> (spec §3.1): all fields required, message non-empty.</summary>
public sealed record AgentRunRequest(string? OrgId, string? UserId, string? Message, string? SessionId);
