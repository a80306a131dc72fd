using Autopilot.Core.Caching;
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
    private readonly IAutopilotCache _cache;

    public IntrospectWarehouseActivity(WarehouseResolver warehouses, StepRecorder steps, StepDelayOptions delay, TimeProvider time, DependencyMonitor monitor, IAutopilotCache cache)
    {
        _cache = cache;
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
            // A profile is a refresh: what was cached for the connection is dropped, and the fresh schema cached.
            var warehouse = await _warehouses.ForConnectionAsync(input.TenantId, input.ConnectionId, ct);
            await _cache.InvalidateConnectionAsync(input.TenantId, input.ConnectionId, ct);
            var schema = await _cache.GetOrCreateAsync(CacheKey.Schema(input.TenantId, input.ConnectionId),
                c => WarehouseCalls.GuardAsync(_monitor, () => warehouse.IntrospectAsync(c)), ct);
            return schema.Value;
        }, CancellationToken.None);
    }
}
