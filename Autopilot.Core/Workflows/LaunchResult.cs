using Autopilot.Core.Admission;

namespace Autopilot.Core.Workflows;

/// <summary>
/// A started (or queued) workflow: its id and where admission put it. <see cref="AlreadyStarted"/>: a launch under a
/// caller-given id found it started before (live, queued or finished) and did nothing.
/// </summary>
public sealed record LaunchResult(string WorkflowId, WorkflowTicket Ticket, AdmissionDecision Decision, bool AlreadyStarted = false);
