using Microsoft.DurableTask;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Connectors;

/// <summary>
/// Moves stored credentials onto the current key after a rotation, one page per activity (checkpointed by the engine,
/// so a killed replica resumes at the page it was on). Every <see cref="PagesPerGeneration"/> pages it continues as new,
/// carrying position and totals, so its history stays small however many tenants there are.
/// </summary>
public sealed class CredentialReencryptOrchestration : TaskOrchestrator<CredentialReencryptInput, CredentialReencryptResult>
{
    public const int PagesPerGeneration = 50;

    public override async Task<CredentialReencryptResult> RunAsync(TaskOrchestrationContext context, CredentialReencryptInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var total = input.SoFar ?? new CredentialReencryptResult(input.KeyId, 0, 0, 0, []);
        var continuation = input.Continuation;
        for (var i = 0; i < PagesPerGeneration; i++)
        {
            var page = await context.CallActivityAsync<ReencryptPageResult>(
                nameof(ReencryptCredentialsActivity), new ReencryptPageInput(input.TenantId, input.KeyId, continuation, input.PageSize), StepRetry.Default);
            total = total.Add(page);
            if (page.Continuation is null)
            {
                return total;
            }

            continuation = page.Continuation;
        }

        context.ContinueAsNew(input with { Continuation = continuation, SoFar = total });
        return total;
    }
}
