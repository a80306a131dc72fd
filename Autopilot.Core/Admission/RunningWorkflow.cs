namespace Autopilot.Core.Admission;

/// <summary>A workflow holding one of its tenant's slots.</summary>
public sealed record RunningWorkflow(string WorkflowId, string WorkflowType, DateTimeOffset AdmittedAt);
