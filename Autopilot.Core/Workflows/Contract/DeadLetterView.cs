using System.Text.Json.Nodes;

namespace Autopilot.Core.Workflows.Contract;

/// <summary>One dead letter with its error history and step states. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record DeadLetterView(string DeadLetterId, string? QueueId, string WorkflowId, string WorkflowType, string Status, string? FailureClass, string? InputHash, IReadOnlyList<JsonObject> ErrorHistory, IReadOnlyList<JsonObject> StepStates, string? CreatedAt, string? RequeuedAt);
