using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Connectors;

public static class CredentialRotationEndpoints
{
    /// <summary>Rows per re-encrypt activity: small enough that a retried page is cheap.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// <c>POST /api/v1/connectors/reencrypt?org_id=</c> (admin): moves the tenant's stored credentials onto the current key
    /// after a rotation, as a durable pass. 200 with the totals when it finishes within the wait, else 202; repeating the
    /// call is safe (a pass only touches what is not on the current key yet).
    /// </summary>
    public static async Task<ApiResult> Reencrypt(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var wait = WorkflowResponses.WaitFor(context);
        var keyId = context.Service<CredentialProtector>().Keys.CurrentKeyId;
        var instanceId = Ids.New("reenc");
        await context.Durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(CredentialReencryptOrchestration), new CredentialReencryptInput(tenant, keyId, PageSize), new StartOrchestrationOptions(instanceId), context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "credentials_reencrypt_requested", new { instance_id = instanceId, key_id = keyId }, context.Cancellation);

        var done = await WorkflowWaiter.WaitAsync(context.Durable, instanceId, wait, context.Cancellation);
        if (done is not { RuntimeStatus: OrchestrationRuntimeStatus.Completed })
        {
            return done is { RuntimeStatus: OrchestrationRuntimeStatus.Failed }
                ? throw new ApiException(409, "Re-encrypt pass failed: " + CompleteWorkflowRunActivity.Sanitize(done.FailureDetails?.ErrorMessage))
                : ApiResult.Accepted(new { status = "running", instance_id = instanceId, key_id = keyId });
        }

        var result = done.ReadOutputAs<CredentialReencryptResult>()!;
        return ApiResult.Ok(new
        {
            status = result.Unreadable.Count == 0 ? "completed" : "partial",
            instance_id = instanceId,
            key_id = result.KeyId,
            reencrypted = result.Reencrypted,
            skipped = result.Skipped,
            unreadable = result.Unreadable,
        });
    }
}
