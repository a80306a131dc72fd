using Autopilot.Core.Agent;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>Reads the tenant's catalog and chooses the dashboards and cards it supports; recorded, so a resumed build keeps its choice.</summary>
public sealed class SelectDashboardsActivity : TaskActivity<DashboardStepInput, IReadOnlyList<DashboardSpec>>
{
    private readonly AgentCatalogLoader _catalog;
    private readonly StepRecorder _steps;

    public SelectDashboardsActivity(AgentCatalogLoader catalog, StepRecorder steps)
    {
        _catalog = catalog;
        _steps = steps;
    }

    public override Task<IReadOnlyList<DashboardSpec>> RunAsync(TaskActivityContext context, DashboardStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, DashboardSteps.SelectTemplates, input, async ct =>
        {
            var catalog = await _catalog.LoadAsync(input.TenantId, ct);
            if (catalog.Tables.Count == 0)
            {
                throw new WorkflowStepException(FailureClass.ValidationFailed, "The tenant's catalog is empty: the warehouse has not been profiled successfully (see the profile run, or POST /api/v1/workflows/profile).");
            }

            return DashboardTemplates.For(catalog);
        }, CancellationToken.None);
    }
}
