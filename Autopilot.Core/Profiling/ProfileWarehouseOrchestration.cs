using System.Text.Json.Nodes;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>
/// Profiles a tenant's warehouse: introspect → profile tables in batches of 50 (fan-out/fan-in) → PII tags →
/// persist catalog. Deterministic: all I/O is in the activities. Only PII tagging may be skipped: the catalog
/// needs the schema and the profiles.
/// </summary>
public sealed class ProfileWarehouseOrchestration : AdmittedWorkflow<ProfileRunInput>
{
    public const int BatchSize = 50;

    protected override async Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, ProfileRunInput input, WorkflowProgress progress)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(progress);
        var (tenant, workflowId) = (input.Ticket.TenantId, input.Ticket.WorkflowId);

        progress.Step = ProfileSteps.Introspect;
        var stepInput = new StepInput(tenant, workflowId, input.ConnectionId);
        var schema = await context.CallActivityAsync<WarehouseSchema>(nameof(IntrospectWarehouseActivity), stepInput, StepRetry.Default);

        progress.Step = ProfileSteps.ProfileTables;
        context.SetCustomStatus(new { state = "running", step = progress.Step, tables = schema.Tables.Count });
        var batches = schema.Tables
            .Chunk(BatchSize)
            .Select((tables, i) => context.CallActivityAsync<IReadOnlyList<TableProfile>>(
                nameof(ProfileTableBatchActivity),
                new ProfileBatchInput(tenant, workflowId, input.ConnectionId, i, tables, input.Sampling),
                StepRetry.Default))
            .ToList();
        var profiles = (await Task.WhenAll(batches)).SelectMany(b => b).ToList();

        progress.Step = ProfileSteps.DetectPii;
        context.SetCustomStatus(new { state = "running", step = progress.Step, tables = schema.Tables.Count });
        var tagInput = new TagPiiInput(tenant, workflowId, profiles);
        var tags = await SkippableAsync(context, input.SkipOnError, tenant, workflowId, progress.Step, tagInput,
            () => context.CallActivityAsync<IReadOnlyList<ColumnPiiTag>>(nameof(TagPiiActivity), tagInput, StepRetry.Default));

        progress.Step = ProfileSteps.StoreCatalog;
        context.SetCustomStatus(new { state = "running", step = progress.Step, tables = schema.Tables.Count });
        var summary = await context.CallActivityAsync<CatalogSummary>(
            nameof(PersistCatalogActivity),
            new PersistCatalogInput(tenant, workflowId, input.ConnectionId, schema, profiles, tags ?? []),
            StepRetry.Default);

        return new JsonObject
        {
            ["connection_id"] = input.ConnectionId,
            ["resumed"] = input.Ticket.Attempt > 1,
            ["sampling_mode"] = input.Sampling,
            ["skip_on_error"] = input.SkipOnError,
            ["tables_profiled"] = summary.Tables,
            ["columns_profiled"] = summary.Columns,
            ["pii_high_confidence"] = summary.PiiHighConfidence,
            ["pii_low_confidence"] = summary.PiiLowConfidence,
            ["pii_skipped"] = tags is null,
        };
    }

    protected override IReadOnlyList<string> ActionsAfterFailure(string failedStep) => failedStep == ProfileSteps.DetectPii
        ? ["retry", "retry_with_sampling", "skip_and_continue"]
        : ["retry", "retry_with_sampling"];
}
