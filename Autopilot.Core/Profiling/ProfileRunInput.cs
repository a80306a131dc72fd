using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Profiling;

/// <summary>Input of <see cref="ProfileWarehouseOrchestration"/>; <c>Sampling</c>/<c>SkipOnError</c> come from retry actions (WF-11).</summary>
public sealed record ProfileRunInput(WorkflowTicket Ticket, string ConnectionId, bool Sampling, bool SkipOnError) : IWorkflowInput
{
    public IWorkflowInput WithTicket(WorkflowTicket ticket) => this with { Ticket = ticket };

    public IWorkflowInput ForAttempt(WorkflowTicket ticket, RetryAction action) => this with
    {
        Ticket = ticket,
        Sampling = Sampling || action == RetryAction.RetryWithSampling,
        SkipOnError = action == RetryAction.SkipAndContinue,
    };
}
