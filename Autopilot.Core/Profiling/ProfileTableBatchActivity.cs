using Autopilot.Core.Health;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>Step <c>profile_tables</c> for one batch: row counts, null %, distinct counts, min/max, freshness, gaps, PII value evidence.</summary>
public sealed class ProfileTableBatchActivity : TaskActivity<ProfileBatchInput, IReadOnlyList<TableProfile>>
{
    private readonly WarehouseResolver _warehouses;
    private readonly StepRecorder _steps;
    private readonly StepDelayOptions _delay;
    private readonly TimeProvider _time;
    private readonly DependencyMonitor _monitor;

    public ProfileTableBatchActivity(WarehouseResolver warehouses, StepRecorder steps, StepDelayOptions delay, TimeProvider time, DependencyMonitor monitor)
    {
        _monitor = monitor;
        _warehouses = warehouses;
        _steps = steps;
        _delay = delay;
        _time = time;
    }

    public override Task<IReadOnlyList<TableProfile>> RunAsync(TaskActivityContext context, ProfileBatchInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync<ProfileBatchInput, IReadOnlyList<TableProfile>>(input.TenantId, input.WorkflowId, ProfileSteps.ProfileTables, input, async ct =>
        {
            await Task.Delay(_delay.Delay, _time, ct);
            var warehouse = await _warehouses.ForConnectionAsync(input.TenantId, input.ConnectionId, ct);
            var options = new ProfileOptions(input.Sampling);
            var profiles = new List<TableProfile>(input.Tables.Count);
            foreach (var table in input.Tables)
            {
                profiles.Add(await WarehouseCalls.GuardAsync(_monitor, () => warehouse.ProfileTableAsync(table, options, ct)));
            }

            return profiles;
        }, CancellationToken.None);
    }
}
