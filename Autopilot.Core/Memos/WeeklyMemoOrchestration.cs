using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Profiling;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// The weekly memo (spec §14, past the seed's plan): the catalog (profiling first when there is none) → the windows in the
/// tenant's timezone → every KPI through the query path, fanned out → their segments, fanned out → the packet → write and
/// validate → the memo artifact's next version → P2 alerts for the data-quality notes. Deterministic: all I/O is in the
/// activities, each recorded, so a resumed memo reuses what it did.
/// </summary>
public sealed class WeeklyMemoOrchestration : AdmittedWorkflow<WeeklyMemoInput>
{
    protected override async Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, WeeklyMemoInput input, WorkflowProgress progress)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        var (tenant, workflowId, connection) = (input.Ticket.TenantId, input.Ticket.WorkflowId, input.ConnectionId);

        progress.Step = MemoSteps.LoadCatalog;
        // A failed first profile leaves no catalog; the KPI step then fails naming it, with a retry action.
        await ProfileFirst.EnsureCatalogAsync(context, tenant, connection);

        progress.Step = MemoSteps.FixWindows;
        var windows = await context.CallActivityAsync<MemoWindows>(nameof(FixMemoWindowsActivity), new MemoWindowsInput(tenant, workflowId, input.Today), StepRetry.Default);

        progress.Step = MemoSteps.SelectKpis;
        var plan = await context.CallActivityAsync<MemoPlan>(nameof(SelectMemoKpisActivity), new MemoStepInput(tenant, workflowId, windows), StepRetry.Default);

        progress.Step = MemoSteps.RunKpis;
        context.SetCustomStatus(new { state = "running", step = progress.Step, kpis = plan.Kpis.Count });
        var measurements = await Task.WhenAll(plan.Kpis.Select(kpi => context.CallActivityAsync<MemoKpiMeasurement>(
            nameof(RunMemoKpiActivity), new MemoKpiRunInput(tenant, workflowId, connection, kpi), StepRetry.Default)));

        progress.Step = MemoSteps.RunSegments;
        var segments = await Task.WhenAll(plan.Kpis.SelectMany(kpi => kpi.Segments.Select(segment => context.CallActivityAsync<MemoSegmentResult>(
            nameof(RunMemoSegmentActivity), new MemoSegmentRunInput(tenant, workflowId, connection, kpi.MetricName, kpi.Decimals, segment), StepRetry.Default))));

        progress.Step = MemoSteps.BuildPacket;
        var packet = MemoPacketBuilder.Build(windows, context.CurrentUtcDateTime, plan, measurements, segments);
        var packetHash = MemoPacketHash.Of(packet);
        var series = MemoPacketBuilder.Series(windows, measurements);

        progress.Step = MemoSteps.WriteMemo;
        var written = await context.CallActivityAsync<MemoWriteResult>(nameof(WriteMemoActivity), new MemoWriteInput(tenant, workflowId, packet), StepRetry.Default);

        progress.Step = MemoSteps.StoreArtifact;
        var tables = measurements.SelectMany(m => m.Tables).Concat(segments.SelectMany(s => s.Tables)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var published = await context.CallActivityAsync<PublishedMemo>(nameof(StoreMemoActivity),
            new MemoStoreInput(tenant, workflowId, packet, packetHash, written, series, measurements.Select(m => m.QueryHash).ToList(), tables), StepRetry.Default);

        progress.Step = MemoSteps.RaiseAlerts;
        await context.CallActivityAsync<int>(nameof(RaiseMemoAlertsActivity), new MemoAlertsInput(tenant, packet.AnomalyNotes), StepRetry.Default);

        return new JsonObject
        {
            ["artifact_id"] = published.ArtifactId,
            ["version"] = published.Version,
            ["validation"] = JsonSerializer.SerializeToNode(written.Validation, AutopilotJson.Options),
            ["resumed"] = input.Ticket.Attempt > 1,
            ["packet_hash"] = packetHash,
            ["writer"] = written.Writer,
            ["time_window"] = JsonSerializer.SerializeToNode(packet.TimeWindow, AutopilotJson.Options),
        };
    }

    protected override IReadOnlyList<string> ActionsAfterFailure(string failedStep) => ["retry"];
}
