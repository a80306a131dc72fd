namespace Autopilot.Core.Agent;

/// <summary>The event an approval sends a waiting agent run.</summary>
public sealed record AgentApproval(bool Approved, string ApprovedBy);
