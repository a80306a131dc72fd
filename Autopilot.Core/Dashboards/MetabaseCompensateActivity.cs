using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// The saga's compensation: a build that failed after creating Metabase cards deletes every card it made (found by
/// its build marker), so no orphan cards remain. Safe to run twice; a no-op without Metabase.
/// </summary>
public sealed class MetabaseCompensateActivity : TaskActivity<MetabaseCompensateInput, int>
{
    private readonly MetabaseClientFactory _clients;

    public MetabaseCompensateActivity(MetabaseClientFactory clients) => _clients = clients;

    public override async Task<int> RunAsync(TaskActivityContext context, MetabaseCompensateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_clients.Create() is not { } metabase)
        {
            return 0;
        }

        var collection = await metabase.EnsureCollectionAsync(MetabaseMarkers.Collection(input.TenantId), CancellationToken.None);
        var cards = await metabase.FindMarkedAsync(collection, "card", MetabaseMarkers.BuildPrefix(input.WorkflowId), CancellationToken.None);
        foreach (var card in cards)
        {
            await metabase.DeleteCardAsync(card.Id, CancellationToken.None);
        }

        return cards.Count;
    }
}
