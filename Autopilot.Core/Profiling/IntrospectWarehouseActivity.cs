using Autopilot.Core.Health;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>Step <c>introspect_schemas</c>: tables, columns, partitioning, row counts and bytes.</summary>
public sealed class IntrospectWarehouseActivity : TaskActivity<StepInput, WarehouseSchema>
{
    private readonly WarehouseResolver _warehouses;
    private readonly StepRecorder _steps;
    private readonly StepDelayOptions _delay;
    private readonly TimeProvider _time;
    private readonly DependencyMonitor _monitor;

    public IntrospectWarehouseActivity(WarehouseResolver warehouses, StepRecorder steps, StepDelayOptions delay, TimeProvider time, DependencyMonitor monitor)
    {
        _monitor = monitor;
        _warehouses = warehouses;
        _steps = steps;
        _delay = delay;
        _time = time;
    }

    public override Task<WarehouseSchema> RunAsync(TaskActivityContext context, StepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, ProfileSteps.Introspect, input, async ct =>
        {
            await Task.Delay(_delay.Delay, _time, ct);
            var warehouse = await _warehouses.ForConnectionAsync(input.TenantId, input.ConnectionId, ct);
            return await WarehouseCalls.GuardAsync(_monitor, () => warehouse.IntrospectAsync(ct));
        }, CancellationToken.None);
    }
}
