using Autopilot.Core.Admission;

namespace Autopilot.Core.Workflows.Testing;

/// <summary>
/// The fault-injection workflow: <see cref="Steps"/> sequential steps of <see cref="StepDelayMs"/> each, with
/// faults by step name (<c>step_1</c>…). Sampling suppresses TIMEOUT faults (seed WF-6).
/// </summary>
public sealed record FaultInjectionInput(
    WorkflowTicket Ticket,
    int Steps,
    int StepDelayMs,
    IReadOnlyDictionary<string, StepFault> Faults,
    bool Sampling,
    bool SkipOnError) : IWorkflowInput
{
    public IWorkflowInput WithTicket(WorkflowTicket ticket) => this with { Ticket = ticket };

    public IWorkflowInput ForAttempt(WorkflowTicket ticket, Workflows.RetryAction action) => this with
    {
        Ticket = ticket,
        Sampling = Sampling || action == Workflows.RetryAction.RetryWithSampling,
        SkipOnError = action == Workflows.RetryAction.SkipAndContinue,
    };
}
