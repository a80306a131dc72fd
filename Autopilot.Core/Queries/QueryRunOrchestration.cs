using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Queries;

/// <summary>
/// Runs an approved preview's query as a durable activity, so a crash mid-execution resumes on restart instead of leaving
/// the preview half-run. Its instance id derives from the preview, so repeated approve-runs meet the same run.
/// </summary>
public sealed class QueryRunOrchestration : TaskOrchestrator<QueryRunInput, QueryRunOutcome>
{
    /// <summary>The one instance id of a preview's run (tenant included: preview ids are unique per tenant only).</summary>
    public static string InstanceIdFor(string tenantId, string previewId) => "qrun-" + Ids.Sha256Hex(tenantId + "\n" + previewId)[..24];

    public override async Task<QueryRunOutcome> RunAsync(TaskOrchestrationContext context, QueryRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            return await context.CallActivityAsync<QueryRunOutcome>(nameof(RunApprovedQueryActivity), input, StepRetry.Default);
        }
        catch (TaskFailedException failed)
        {
            // Transient failures past their retries, or a bug: the preview stays claimed and a later approve-run starts again.
            var failure = FailureClasses.Classify(failed.FailureDetails.ErrorType, failed.FailureDetails.ErrorMessage);
            return QueryRunOutcome.Failed(FailureClasses.Code(failure), CompleteWorkflowRunActivity.Sanitize(failed.FailureDetails.ErrorMessage));
        }
    }
}
