using Autopilot.Core.Admission;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Agent;

/// <summary>
/// Input of <see cref="AgentRunOrchestration"/>: who asks what, about which connection; <c>Queued</c> when admission
/// put the run in the tenant's queue (it then waits durably for an agent slot).
/// </summary>
public sealed record AgentRunInput(string TenantId, string RunId, string UserId, string SessionId, string Message, string ConnectionId, TimeSpan ApprovalTimeout, bool Queued = false)
{
    /// <summary>The run's admission ticket: the run id is its workflow id in the tenant's slots and queue.</summary>
    public WorkflowTicket ToTicket() => new(TenantId, RunId, WorkflowTypes.Agent, Queued, Attempt: 1);
}
