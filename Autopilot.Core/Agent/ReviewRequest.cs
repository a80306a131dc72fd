namespace Autopilot.Core.Agent;

public sealed record ReviewRequest(string TenantId, string RunId, AgentPlan Plan, ExecutionOutput Output);
