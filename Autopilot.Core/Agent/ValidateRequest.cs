namespace Autopilot.Core.Agent;

public sealed record ValidateRequest(string TenantId, string RunId, AgentPlan Plan, int Attempt);
