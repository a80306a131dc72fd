namespace Autopilot.Core.Admission;

/// <summary>What every admitted workflow's orchestration carries: who it is, and whether it starts queued.</summary>
public sealed record WorkflowTicket(string TenantId, string WorkflowId, string WorkflowType, bool Queued, int Attempt);
