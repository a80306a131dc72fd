using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Connectors;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Agent;

/// <summary>
/// Starts an agent run the one way, for <c>POST /api/v1/agent/run</c> and the chat front door alike: the connection must
/// not be disconnected (409), the run is admitted like every workflow — a slot under the tenant's agent cap or a place in
/// its queue — with a run record the workflow routes see, then its <see cref="AgentRunOrchestration"/> starts.
/// </summary>
public sealed class AgentRunLauncher
{
    private readonly ConnectionStore _connections;
    private readonly AdmissionPolicy _policy;
    private readonly AdmissionStore _admission;
    private readonly WorkflowRunStore _runs;
    private readonly QueueProcessor _queue;
    private readonly AgentOptions _options;
    private readonly TimeProvider _time;

    public AgentRunLauncher(ConnectionStore connections, AdmissionPolicy policy, AdmissionStore admission, WorkflowRunStore runs, QueueProcessor queue, AgentOptions options, TimeProvider time)
    {
        _connections = connections;
        _policy = policy;
        _admission = admission;
        _runs = runs;
        _queue = queue;
        _options = options;
        _time = time;
    }

    /// <exception cref="ApiException">409: the tenant's connection is disconnected.</exception>
    public async Task<AgentRunLaunch> LaunchAsync(DurableTaskClient client, string tenant, string userId, string sessionId, string message, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var connectionId = ConnectionStore.IdFor(tenant);
        if (await _connections.GetAsync(tenant, connectionId, cancellation) is { Status: ConnectionStatus.Disconnected })
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before asking questions");
        }

        var runId = Ids.New("run");
        var decision = await AdmitAsync(tenant, runId, connectionId, cancellation);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(AgentRunOrchestration),
                new AgentRunInput(tenant, runId, userId, sessionId, message, connectionId, _options.ApprovalTimeout, Queued: !decision.Admitted),
                new StartOrchestrationOptions(runId), cancellation);
            Telemetry.AutopilotMetrics.WorkflowStarted(WorkflowTypes.Agent);
        }
        catch
        {
            // The run never started: give its place back rather than leave it to the queue processor's reclaim.
            await _queue.ReleaseAsync(client, tenant, runId, CancellationToken.None);
            throw;
        }

        return new AgentRunLaunch(runId, decision);
    }

    private async Task<AdmissionDecision> AdmitAsync(string tenant, string runId, string connectionId, CancellationToken cancellation)
    {
        var limits = await _policy.LimitsForAsync(tenant, cancellation);
        var decision = await _admission.AcquireAsync(tenant, runId, 1, WorkflowTypes.Agent, limits, queueReason: null, cancellation);
        var now = _time.GetUtcNow();
        await _runs.CreateAsync(new WorkflowRun(runId, tenant, WorkflowTypes.Agent,
            decision.Admitted ? WorkflowStatus.Running : WorkflowStatus.Queued, now, null, connectionId, null, AdmittedAt: decision.Admitted ? now : null), cancellation);
        return decision;
    }
}
