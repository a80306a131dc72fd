namespace Autopilot.Core.Agent;

public sealed record CritiqueRequest(string TenantId, string RunId, string ConnectionId, AgentPlan Plan);
