using System.Text.Json.Nodes;
using Autopilot.Core.Dashboards.Metabase;
using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// Publishes one dashboard in Metabase (DASH-7 done right): the tenant's collection, the BigQuery database the cards
/// name, one card per card with data (found again by its marker when the step runs twice), the dashboard found by its
/// marker, the layout and a date filter in one update, and then the cards of earlier builds removed. Returns null when
/// no Metabase is configured. Idempotent: each call converges on the same objects.
/// </summary>
public sealed class MetabasePublishActivity : TaskActivity<MetabasePublishInput, string?>
{
    /// <summary>The dashboard filter every line card is wired to.</summary>
    public const string DateParameterId = "date_from";

    private readonly MetabaseClientFactory _clients;

    public MetabasePublishActivity(MetabaseClientFactory clients) => _clients = clients;

    public override async Task<string?> RunAsync(TaskActivityContext context, MetabasePublishInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_clients.Create() is not { } metabase)
        {
            return null;
        }

        var ct = CancellationToken.None;
        var collection = await metabase.EnsureCollectionAsync(MetabaseMarkers.Collection(input.TenantId), ct);
        var database = await metabase.ResolveDatabaseIdAsync(ct);
        var shown = input.Cards.Where(c => c.Status != CardStatus.Refused).ToList();
        var layout = DashboardLayout.Place(shown.Select(c => (c.Card.Width, c.Card.Height)).ToList());
        var placements = new List<MetabaseCardPlacement>();
        for (var i = 0; i < shown.Count; i++)
        {
            var card = shown[i];
            var dated = card.Card.Display == "line";
            var spec = new MetabaseCardSpec(card.Card.Title, dated ? WithDateFilter(card) : card.ExecutedSql ?? card.Card.Sql, Display(card.Card.Display),
                MetabaseMarkers.Card(input.WorkflowId, input.Dashboard.Key, card.Card.Key), dated ? DateTag() : null);
            var cardId = await metabase.EnsureCardAsync(collection, database, spec, ct);
            var mappings = dated
                ? new JsonArray(new JsonObject { ["parameter_id"] = DateParameterId, ["card_id"] = cardId, ["target"] = new JsonArray("variable", new JsonArray("template-tag", DateParameterId)) })
                : null;
            var p = layout[i];
            placements.Add(new MetabaseCardPlacement(cardId, p.Row, p.Col, p.SizeX, p.SizeY, mappings));
        }

        var dashboard = await metabase.EnsureDashboardAsync(collection, input.Dashboard.Name, MetabaseMarkers.Dashboard(input.Dashboard.Key), ct);
        var parameters = new JsonArray(new JsonObject
        {
            ["id"] = DateParameterId,
            ["name"] = "From",
            ["slug"] = DateParameterId,
            ["type"] = "date/single",
            ["default"] = $"past{StoreDashboardActivity.DefaultFilterDays}days",
        });
        await metabase.PutDashboardAsync(dashboard, placements, parameters, ct);

        // The dashboard now shows this build's cards only: the earlier builds' cards are orphans.
        foreach (var earlier in (await metabase.FindMarkedAsync(collection, "card", "autopilot:card:", ct))
                     .Where(item => MetabaseMarkers.IsEarlierCard(item, input.WorkflowId, input.Dashboard.Key)))
        {
            await metabase.DeleteCardAsync(earlier.Id, ct);
        }

        return dashboard.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Display(string display) => display switch
    {
        "line" => "line",
        "bar" => "bar",
        _ => "scalar",
    };

    /// <summary>A daily series narrowed by the dashboard's date filter; without a value the optional clause drops out.</summary>
    private static string WithDateFilter(CardResult card) =>
        $"SELECT * FROM ({card.ExecutedSql ?? card.Card.Sql}) AS series [[WHERE series.day >= {{{{{DateParameterId}}}}}]] ORDER BY series.day";

    private static JsonObject DateTag() => new()
    {
        [DateParameterId] = new JsonObject
        {
            ["id"] = DateParameterId,
            ["name"] = DateParameterId,
            ["display-name"] = "From",
            ["type"] = "date",
        },
    };
}
