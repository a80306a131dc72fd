namespace Autopilot.Core.Agent;

/// <summary>Input of <see cref="AgentRunOrchestration"/>: who asks what, about which connection.</summary>
public sealed record AgentRunInput(string TenantId, string RunId, string UserId, string SessionId, string Message, string ConnectionId, TimeSpan ApprovalTimeout);
