using System.Text.Json.Nodes;

namespace Autopilot.Core.Workflows.Contract;

/// <summary>Body of GET /workflows/{workflow_id}/status: the run, its engine status and custom status (progress), its steps, and its result once final. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record WorkflowStatusView(string WorkflowId, string WorkflowType, string Status, int Attempts, string? FailureClass, string? RuntimeStatus, JsonNode? Progress, string? StartedAt, string? AdmittedAt, string? FinishedAt, IReadOnlyList<WorkflowStepView> Steps, JsonObject? Result);
