using System.Text.Json.Nodes;
using Autopilot.Core.Admission;

namespace Autopilot.Core.Workflows;

/// <summary>How an attempt ended, as the orchestrator saw it; the activity turns it into stored state and the response body.</summary>
public sealed record CompleteRunInput(
    WorkflowTicket Ticket,
    bool Succeeded,
    string? FailedStep,
    string? Error,
    string? ErrorType,
    IReadOnlyList<string> AvailableActions,
    string InputHash,
    JsonObject? Result);
