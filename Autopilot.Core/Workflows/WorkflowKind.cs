namespace Autopilot.Core.Workflows;

/// <summary>A workflow type: its orchestrator, its input type, and which of its steps the step graph lets a retry skip.</summary>
public sealed record WorkflowKind(string Type, string Orchestrator, Type InputType, IReadOnlySet<string> SkippableSteps);
