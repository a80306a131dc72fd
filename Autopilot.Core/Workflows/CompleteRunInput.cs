using System.Text.Json.Nodes;

namespace Autopilot.Core.Workflows;

/// <summary>How a run ended, as the orchestrator saw it; the activity turns it into the stored status and the response body.</summary>
public sealed record CompleteRunInput(
    string TenantId,
    string WorkflowId,
    string WorkflowType,
    bool Succeeded,
    string? FailedStep,
    string? Error,
    JsonObject? Result);
