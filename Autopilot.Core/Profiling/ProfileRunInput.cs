namespace Autopilot.Core.Profiling;

/// <summary>Input of <see cref="ProfileWarehouseOrchestration"/>.</summary>
public sealed record ProfileRunInput(string TenantId, string WorkflowId, string ConnectionId, bool Sampling);
