namespace Autopilot.Core.Profiling;

/// <summary>What identifies a profiling step's work for its step record and warehouse.</summary>
public sealed record StepInput(string TenantId, string WorkflowId, string ConnectionId);
