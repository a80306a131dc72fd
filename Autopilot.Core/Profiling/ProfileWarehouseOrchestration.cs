using System.Text.Json.Nodes;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>
/// Profiles a tenant's warehouse: introspect → profile tables in batches of 50 (fan-out/fan-in) → PII tags →
/// persist catalog → complete the run. Deterministic: all I/O is in the activities.
/// </summary>
public sealed class ProfileWarehouseOrchestration : TaskOrchestrator<ProfileRunInput, JsonObject>
{
    public const int BatchSize = 50;

    public override async Task<JsonObject> RunAsync(TaskOrchestrationContext context, ProfileRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var step = ProfileSteps.Introspect;
        try
        {
            var stepInput = new StepInput(input.TenantId, input.WorkflowId, input.ConnectionId);
            var schema = await context.CallActivityAsync<WarehouseSchema>(nameof(IntrospectWarehouseActivity), stepInput, StepRetry.Default);

            step = ProfileSteps.ProfileTables;
            context.SetCustomStatus(new { step, tables = schema.Tables.Count });
            var batches = schema.Tables
                .Chunk(BatchSize)
                .Select((tables, i) => context.CallActivityAsync<IReadOnlyList<TableProfile>>(
                    nameof(ProfileTableBatchActivity),
                    new ProfileBatchInput(input.TenantId, input.WorkflowId, input.ConnectionId, i, tables, input.Sampling),
                    StepRetry.Default))
                .ToList();
            var profiles = (await Task.WhenAll(batches)).SelectMany(b => b).ToList();

            step = ProfileSteps.DetectPii;
            context.SetCustomStatus(new { step, tables = schema.Tables.Count });
            var tags = await context.CallActivityAsync<IReadOnlyList<ColumnPiiTag>>(
                nameof(TagPiiActivity), new TagPiiInput(input.TenantId, input.WorkflowId, profiles), StepRetry.Default);

            step = ProfileSteps.StoreCatalog;
            context.SetCustomStatus(new { step, tables = schema.Tables.Count });
            var summary = await context.CallActivityAsync<CatalogSummary>(
                nameof(PersistCatalogActivity),
                new PersistCatalogInput(input.TenantId, input.WorkflowId, input.ConnectionId, schema, profiles, tags),
                StepRetry.Default);

            var result = new JsonObject
            {
                ["connection_id"] = input.ConnectionId,
                ["resumed"] = false,
                ["sampling_mode"] = input.Sampling,
                ["skip_on_error"] = false,
                ["tables_profiled"] = summary.Tables,
                ["columns_profiled"] = summary.Columns,
                ["pii_high_confidence"] = summary.PiiHighConfidence,
                ["pii_low_confidence"] = summary.PiiLowConfidence,
            };
            return await Complete(context, new CompleteRunInput(input.TenantId, input.WorkflowId, WorkflowTypes.Profile, true, null, null, result));
        }
        catch (TaskFailedException failure)
        {
            var error = failure.FailureDetails.ErrorMessage;
            return await Complete(context, new CompleteRunInput(input.TenantId, input.WorkflowId, WorkflowTypes.Profile, false, step, error, null));
        }
    }

    private static Task<JsonObject> Complete(TaskOrchestrationContext context, CompleteRunInput input) =>
        context.CallActivityAsync<JsonObject>(nameof(CompleteWorkflowRunActivity), input, StepRetry.Default);
}
