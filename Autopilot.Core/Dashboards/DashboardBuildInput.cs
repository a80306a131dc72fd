using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Dashboards;

/// <summary>Input of <see cref="DashboardBuildOrchestration"/>: the admitted ticket and the warehouse connection the cards query.</summary>
public sealed record DashboardBuildInput(WorkflowTicket Ticket, string ConnectionId) : IWorkflowInput
{
    public IWorkflowInput WithTicket(WorkflowTicket ticket) => this with { Ticket = ticket };

    public IWorkflowInput ForAttempt(WorkflowTicket ticket, RetryAction action) => this with { Ticket = ticket };
}
