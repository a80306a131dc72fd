using Autopilot.Core.Agent;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>Reads the tenant's catalog and chooses the memo's KPIs and its catalog notes; recorded, so a resumed memo keeps its choice.</summary>
public sealed class SelectMemoKpisActivity : TaskActivity<MemoStepInput, MemoPlan>
{
    private readonly AgentCatalogLoader _catalog;
    private readonly StepRecorder _steps;

    public SelectMemoKpisActivity(AgentCatalogLoader catalog, StepRecorder steps)
    {
        _catalog = catalog;
        _steps = steps;
    }

    public override Task<MemoPlan> RunAsync(TaskActivityContext context, MemoStepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, MemoSteps.SelectKpis, input, async ct =>
        {
            var catalog = await _catalog.LoadAsync(input.TenantId, ct);
            if (catalog.Tables.Count == 0)
            {
                throw new WorkflowStepException(FailureClass.ValidationFailed, "The tenant's catalog is empty: the warehouse has not been profiled successfully (see the profile run, or POST /api/v1/workflows/profile).");
            }

            return MemoKpis.For(catalog, input.Windows);
        }, CancellationToken.None);
    }
}
