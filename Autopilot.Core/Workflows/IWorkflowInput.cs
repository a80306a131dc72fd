using Autopilot.Core.Admission;

namespace Autopilot.Core.Workflows;

/// <summary>Every admitted workflow's input carries its ticket.</summary>
public interface IWorkflowInput
{
    WorkflowTicket Ticket { get; }

    /// <summary>The same work for another attempt: a new ticket and the caller's retry choices (WF-11).</summary>
    IWorkflowInput ForAttempt(WorkflowTicket ticket, RetryAction action);

    /// <summary>The same input with another ticket (e.g. marked queued by admission).</summary>
    IWorkflowInput WithTicket(WorkflowTicket ticket);
}
