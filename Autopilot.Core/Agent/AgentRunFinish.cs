namespace Autopilot.Core.Agent;

/// <summary>Input of <see cref="FinishAgentRunActivity"/>: how the run ended.</summary>
public sealed record AgentRunFinish(string TenantId, string RunId, bool Completed, string? Error);
