using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>Records the verified outcome on the marker; a verified purge makes the marker forget the tenant id.</summary>
public sealed class FinishTenantPurgeActivity : TaskActivity<TenantPurgeFinish, bool>
{
    private readonly TenantPurgeMarkers _markers;
    private readonly TimeProvider _time;

    public FinishTenantPurgeActivity(TenantPurgeMarkers markers, TimeProvider time)
    {
        _markers = markers;
        _time = time;
    }

    public override async Task<bool> RunAsync(TaskActivityContext context, TenantPurgeFinish input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await _markers.FinishAsync(input.MarkerKey, input.Result.Status, input.Result, _time.GetUtcNow(), CancellationToken.None);
        return true;
    }
}
