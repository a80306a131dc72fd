using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Connectors;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Memos;
using Autopilot.Core.Profiling;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Workflows;

/// <summary>
/// The profile, dashboard and memo triggers' one launch path, shared by their routes and the chat front door: the tenant's
/// connection must not be disconnected (409), then <see cref="WorkflowLauncher"/> admits (slot, queue, outage) and starts.
/// </summary>
public sealed class WorkflowTriggers
{
    private readonly ConnectionStore _connections;
    private readonly WorkflowLauncher _launcher;

    public WorkflowTriggers(ConnectionStore connections, WorkflowLauncher launcher)
    {
        _connections = connections;
        _launcher = launcher;
    }

    /// <summary>A <see cref="ProfileWarehouseOrchestration"/>, sampled when asked.</summary>
    public Task<LaunchResult> ProfileAsync(DurableTaskClient client, string tenant, bool sampling, CancellationToken cancellation) =>
        LaunchOnConnectionAsync(client, tenant, WorkflowKinds.Profile, "profiling",
            (ticket, connectionId) => new ProfileRunInput(ticket, connectionId, sampling, SkipOnError: false), cancellation);

    /// <summary>A <see cref="DashboardBuildOrchestration"/> (it profiles first when the tenant has no catalog).</summary>
    public Task<LaunchResult> DashboardAsync(DurableTaskClient client, string tenant, CancellationToken cancellation) =>
        LaunchOnConnectionAsync(client, tenant, WorkflowKinds.Dashboard, "building dashboards",
            (ticket, connectionId) => new DashboardBuildInput(ticket, connectionId), cancellation);

    /// <summary>A <see cref="WeeklyMemoOrchestration"/> with its windows ending before today in the tenant's timezone.</summary>
    public Task<LaunchResult> MemoAsync(DurableTaskClient client, string tenant, CancellationToken cancellation) =>
        LaunchOnConnectionAsync(client, tenant, WorkflowKinds.Memo, "writing a memo",
            (ticket, connectionId) => new WeeklyMemoInput(ticket, connectionId, Today: null), cancellation);

    /// <summary>Admits and starts work on the tenant's warehouse connection; a disconnected one is a 409 naming <paramref name="doing"/>.</summary>
    private async Task<LaunchResult> LaunchOnConnectionAsync(DurableTaskClient client, string tenant, WorkflowKind kind, string doing, Func<WorkflowTicket, string, IWorkflowInput> input, CancellationToken cancellation)
    {
        var connectionId = ConnectionStore.IdFor(tenant);
        if (await _connections.GetAsync(tenant, connectionId, cancellation) is { Status: ConnectionStatus.Disconnected })
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Connection {connectionId} is disconnected; connect it again before {doing}");
        }

        return await _launcher.LaunchAsync(client, tenant, kind, connectionId, ticket => input(ticket, connectionId), cancellation);
    }
}
