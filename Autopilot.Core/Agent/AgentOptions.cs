namespace Autopilot.Core.Agent;

/// <summary>How long an agent run waits for a person to approve its query (AGENT_APPROVAL_TIMEOUT_SECONDS, default 24 h).</summary>
public sealed record AgentOptions(TimeSpan ApprovalTimeout);
