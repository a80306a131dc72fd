using Autopilot.Core.Admission;

namespace Autopilot.Core.Workflows;

/// <summary>A started (or queued) workflow: its id and where admission put it.</summary>
public sealed record LaunchResult(string WorkflowId, WorkflowTicket Ticket, AdmissionDecision Decision);
