using Autopilot.Core.Workflows.Testing;

namespace Autopilot.Core.Workflows;

/// <summary>Body of <c>POST /api/v1/workflows/fault-test</c>.</summary>
public sealed record FaultTestRequest(int Steps = 5, int StepDelayMs = 50, IReadOnlyDictionary<string, StepFault>? Faults = null);
