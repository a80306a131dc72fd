using Autopilot.Core.Audit;
using Microsoft.DurableTask;

namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>The disconnect's audit rows (CONN-5.7), once per disconnect however often the engine runs this.</summary>
public sealed class AuditDisconnectActivity : TaskActivity<AuditDisconnectInput, bool>
{
    private readonly AuditLog _audit;

    public AuditDisconnectActivity(AuditLog audit) => _audit = audit;

    public override async Task<bool> RunAsync(TaskActivityContext context, AuditDisconnectInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var result = input.Result;
        await _audit.AppendOnceAsync(input.TenantId, "connector_disconnected", result, "connector_disconnected\n" + context.InstanceId, CancellationToken.None);
        await _audit.AppendOnceAsync(input.TenantId, "connector_disconnect_requested", new { connection_id = result.ConnectionId, status = result.Status },
            "connector_disconnect_requested\n" + context.InstanceId, CancellationToken.None);
        return true;
    }
}
