using Azure;

namespace Autopilot.Core.Admission;

/// <summary>A held service slot: its number, the workflow holding it and since when (row ETag kept for exact release).</summary>
public sealed record ServiceSlotHolder(int Slot, string TenantId, string WorkflowId, DateTimeOffset TakenAt, ETag ETag);
