using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Tenants.Purge;

/// <summary>
/// Purges a tenant (PURGE-5..7 and what the seed left behind, PURGE-8/9): audit first, then each store of
/// <see cref="Data.TenantDataSet"/> page by page in order, then a verification that counts every store again, then what
/// the app published to Metabase (<see cref="PurgeMetabaseActivity"/>). Rows written
/// meanwhile get one more pass; what is still there after it fails the purge visibly (the marker says so and keeps the
/// tenant blocked). Every page is an activity, so a killed replica resumes at the page it was on; every
/// <see cref="PagesPerGeneration"/> pages it continues as new so its history stays small however big the tenant.
/// </summary>
public sealed class TenantPurgeOrchestration : TaskOrchestrator<TenantPurgeInput, TenantPurgeResult?>
{
    public const int PagesPerGeneration = 100;

    public override async Task<TenantPurgeResult?> RunAsync(TaskOrchestrationContext context, TenantPurgeInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var progress = input.Progress;
        if (progress is null)
        {
            var start = await context.CallActivityAsync<TenantPurgeStart>(nameof(BeginTenantPurgeActivity), input, StepRetry.Default);
            progress = new TenantPurgeProgress(start.Stores, 0, 1, start.Stores.ToDictionary(s => s, _ => 0L, StringComparer.Ordinal));
        }

        for (var page = 0; page < PagesPerGeneration; page++)
        {
            if (progress.Index < progress.Stores.Count)
            {
                var store = progress.Stores[progress.Index];
                var removed = await context.CallActivityAsync<int>(nameof(PurgeTenantStoreActivity), new TenantPurgeStageInput(input.MarkerKey, store, input.PageSize), StepRetry.Default);
                progress.Deleted[store] = progress.Deleted.GetValueOrDefault(store) + removed;
                progress = removed == 0 ? progress with { Index = progress.Index + 1 } : progress;
                continue;
            }

            var remaining = await context.CallActivityAsync<Dictionary<string, long>>(nameof(CountTenantStoresActivity), input.MarkerKey, StepRetry.Default);
            var left = remaining.Where(r => r.Value > 0).Select(r => r.Key).ToList();
            if (left.Count > 0 && progress.Pass == 1)
            {
                // Rows written while the pass ran (a request that passed the gate just before the marker): one more pass.
                progress = progress with { Stores = left, Index = 0, Pass = 2 };
                continue;
            }

            var status = left.Count == 0 ? TenantPurgeStatus.Purged : TenantPurgeStatus.VerificationFailed;
            var metabase = await PurgeMetabaseAsync(context, input.MarkerKey);
            var result = new TenantPurgeResult(status, progress.Deleted, remaining, progress.Deleted.GetValueOrDefault(Data.AuditRows.StoreName), metabase);
            await context.CallActivityAsync(nameof(FinishTenantPurgeActivity), new TenantPurgeFinish(input.MarkerKey, result), StepRetry.Default);
            return result;
        }

        context.ContinueAsNew(input with { Progress = progress });
        return null;
    }

    /// <summary>
    /// The tenant's Metabase objects, before the marker forgets the tenant id. Metabase being down does not undo or block
    /// the purge of the service's own stores: after the step's retries the result says what failed.
    /// </summary>
    private static async Task<MetabasePurge?> PurgeMetabaseAsync(TaskOrchestrationContext context, string markerKey)
    {
        try
        {
            return await context.CallActivityAsync<MetabasePurge?>(nameof(PurgeMetabaseActivity), markerKey, StepRetry.Default);
        }
        catch (TaskFailedException ex)
        {
            return new MetabasePurge(0, 0, "Metabase clean-up failed: " + (ex.FailureDetails.ErrorMessage ?? ex.FailureDetails.ErrorType));
        }
    }
}
