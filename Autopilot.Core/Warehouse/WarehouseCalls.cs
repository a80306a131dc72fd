using Autopilot.Core.Health;
using Autopilot.Core.Workflows;
using DuckDB.NET.Data;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// Runs a warehouse call from a step and gives its failure a class: an unreachable warehouse (I/O, network,
/// timeout) is transient — retried, and reported to the <see cref="DependencyMonitor"/> so new work queues as
/// <c>warehouse_unavailable</c> instead of failing — anything else is not.
/// </summary>
public static class WarehouseCalls
{
    public static async Task<T> GuardAsync<T>(DependencyMonitor monitor, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (WorkflowStepException failure)
        {
            if (FailureClasses.IsRetryable(failure.Failure))
            {
                monitor.ReportWarehouseFailure();
            }

            throw;
        }
        catch (OperationCanceledException ex)
        {
            monitor.ReportWarehouseFailure();
            throw new WorkflowStepException(FailureClass.Timeout, "the warehouse did not answer in time", ex);
        }
        catch (DuckDBException ex) when (ex.Message.Contains("IO Error", StringComparison.OrdinalIgnoreCase))
        {
            monitor.ReportWarehouseFailure();
            throw new WorkflowStepException(FailureClass.TransientNetwork, "the warehouse is unavailable", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            monitor.ReportWarehouseFailure();
            throw new WorkflowStepException(FailureClass.TransientNetwork, "the warehouse is unreachable", ex);
        }
    }
}
