using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Memos;

/// <summary>
/// Input of <see cref="WeeklyMemoOrchestration"/>. <paramref name="Today"/> is the tenant-local date the memo's windows
/// end before (current = [today−7, today−1], previous = [today−14, today−8]): the timer passes its scheduled date; a
/// memo triggered over HTTP passes null and the first activity fixes it from the clock in the tenant's timezone.
/// </summary>
public sealed record WeeklyMemoInput(WorkflowTicket Ticket, string ConnectionId, DateOnly? Today) : IWorkflowInput
{
    public IWorkflowInput WithTicket(WorkflowTicket ticket) => this with { Ticket = ticket };

    public IWorkflowInput ForAttempt(WorkflowTicket ticket, RetryAction action) => this with { Ticket = ticket };
}
