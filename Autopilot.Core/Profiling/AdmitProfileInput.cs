namespace Autopilot.Core.Profiling;

/// <summary>Input of <see cref="AdmitProfileActivity"/>: the profile another workflow needs, under an id its orchestrator chose.</summary>
public sealed record AdmitProfileInput(string TenantId, string WorkflowId, string ConnectionId);
