namespace Autopilot.Core.Workflows;

public sealed record SkipStepInput(string TenantId, string WorkflowId, string Step, string InputHash, string Reason);
