namespace Autopilot.Core.Workflows.Testing;

public sealed record FaultStepInput(string TenantId, string WorkflowId, string Step, int DelayMs, StepFault? Fault, bool Sampling);
