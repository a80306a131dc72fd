using Autopilot.Core.Dashboards.Metabase;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// What the app writes into the descriptions of the Metabase objects it creates, so a retried or resumed step finds
/// them (no duplicates), compensation finds one build's cards, and a later build finds the cards it replaced.
/// Each tenant has its own collection, so markers need not name the tenant.
/// </summary>
public static class MetabaseMarkers
{
    private const string Prefix = "autopilot:";

    public static string Collection(string tenantId) => $"Autopilot · {tenantId}";

    public static string Dashboard(string dashboardKey) => $"{Prefix}dashboard:{dashboardKey}";

    public static string BuildPrefix(string workflowId) => $"{Prefix}card:{workflowId}:";

    public static string Card(string workflowId, string dashboardKey, string cardKey) => $"{BuildPrefix(workflowId)}{dashboardKey}:{cardKey}";

    /// <summary>True for a card of <paramref name="dashboardKey"/> made by a build other than <paramref name="workflowId"/>.</summary>
    public static bool IsEarlierCard(MetabaseCollectionItem item, string workflowId, string dashboardKey)
    {
        ArgumentNullException.ThrowIfNull(item);
        // autopilot:card:{workflow}:{dashboard}:{card}; none of the parts holds a colon.
        var parts = item.Description?.Split(':') ?? [];
        return parts is ["autopilot", "card", var build, var dashboard, _]
            && !string.Equals(build, workflowId, StringComparison.Ordinal)
            && string.Equals(dashboard, dashboardKey, StringComparison.Ordinal);
    }
}
