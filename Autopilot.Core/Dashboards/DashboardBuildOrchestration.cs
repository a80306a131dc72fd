using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// Builds a tenant's dashboards: the catalog (profiling first when there is none) → the templates it supports → every
/// card's query through the query path, fanned out → each dashboard laid out and stored as an artifact version.
/// Deterministic: all I/O is in the activities, each recorded, so a resumed build reuses what it did.
/// </summary>
public sealed class DashboardBuildOrchestration : AdmittedWorkflow<DashboardBuildInput>
{
    protected override async Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, DashboardBuildInput input, WorkflowProgress progress)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        var (tenant, workflowId) = (input.Ticket.TenantId, input.Ticket.WorkflowId);

        progress.Step = DashboardSteps.LoadCatalog;
        // A failed first profile leaves no catalog; the template step then fails naming it, with a retry action.
        await ProfileFirst.EnsureCatalogAsync(context, tenant, input.ConnectionId);

        progress.Step = DashboardSteps.SelectTemplates;
        var dashboards = await context.CallActivityAsync<IReadOnlyList<DashboardSpec>>(
            nameof(SelectDashboardsActivity), new DashboardStepInput(tenant, workflowId, input.ConnectionId), StepRetry.Default);

        progress.Step = DashboardSteps.RunCards;
        context.SetCustomStatus(new { state = "running", step = progress.Step, cards = dashboards.Sum(d => d.Cards.Count) });
        var runs = dashboards
            .SelectMany(d => d.Cards.Select(card => context.CallActivityAsync<CardResult>(
                nameof(RunDashboardCardActivity), new CardRunInput(tenant, workflowId, input.ConnectionId, d.Key, card), StepRetry.Default)))
            .ToList();
        var results = await Task.WhenAll(runs);
        List<CardResult> CardsOf(DashboardSpec dashboard) => results.Where(r => r.DashboardKey == dashboard.Key).ToList();

        progress.Step = DashboardSteps.PublishMetabase;
        var metabaseIds = new Dictionary<string, string?>(StringComparer.Ordinal);
        try
        {
            foreach (var dashboard in dashboards)
            {
                metabaseIds[dashboard.Key] = await context.CallActivityAsync<string?>(
                    nameof(MetabasePublishActivity), new MetabasePublishInput(tenant, workflowId, dashboard, CardsOf(dashboard)), StepRetry.Default);
            }
        }
        catch (TaskFailedException)
        {
            // Saga: what this build created in Metabase goes before the failure is reported.
            await context.CallActivityAsync<int>(nameof(MetabaseCompensateActivity), new MetabaseCompensateInput(tenant, workflowId), StepRetry.Default);
            throw;
        }

        progress.Step = DashboardSteps.StoreArtifact;
        var published = new List<PublishedDashboard>();
        foreach (var dashboard in dashboards)
        {
            published.Add(await context.CallActivityAsync<PublishedDashboard>(
                nameof(StoreDashboardActivity), new DashboardPublishInput(tenant, workflowId, dashboard, CardsOf(dashboard), metabaseIds[dashboard.Key]), StepRetry.Default));
        }

        var main = published[0];
        return new JsonObject
        {
            ["artifact_id"] = main.ArtifactId,
            ["version"] = main.Version,
            ["metabase_dashboard_id"] = main.MetabaseDashboardId,
            ["resumed"] = input.Ticket.Attempt > 1,
            ["dashboards"] = JsonSerializer.SerializeToNode(published, AutopilotJson.Options),
        };
    }

    protected override IReadOnlyList<string> ActionsAfterFailure(string failedStep) => ["retry"];
}
