using Autopilot.Core.Audit;

namespace Autopilot.Core.Agent;

/// <summary>Audits a run entering a stage (<c>workflow_state_transition</c>), once even when the activity runs again.</summary>
public sealed class AgentTransitions
{
    private readonly AuditLog _audit;

    public AgentTransitions(AuditLog audit) => _audit = audit;

    public Task EnterAsync(string tenantId, string runId, string stage, int attempt = 1) =>
        _audit.AppendOnceAsync(tenantId, "workflow_state_transition",
            new { workflow_type = "agent_run", run_id = runId, to = stage, attempt },
            $"transition:{runId}:{stage}:{attempt}", CancellationToken.None);
}
