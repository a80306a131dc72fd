using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Profiling;

/// <summary>One fan-out branch: up to <see cref="ProfileWarehouseOrchestration.BatchSize"/> tables.</summary>
public sealed record ProfileBatchInput(string TenantId, string WorkflowId, string ConnectionId, int Batch, IReadOnlyList<WarehouseTable> Tables, bool Sampling);
