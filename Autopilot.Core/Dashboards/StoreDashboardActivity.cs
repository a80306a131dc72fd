using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Engine;
using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// Lays the cards out (DASH-5) and stores the dashboard as an artifact version. Every card is kept — an empty one shows
/// "No data for this period", a refused one its reason — so the page never hides what it could not draw. The build id
/// (workflow + dashboard) makes it idempotent: a replay or a resumed build gets the version it already made.
/// </summary>
public sealed class StoreDashboardActivity : TaskActivity<DashboardPublishInput, PublishedDashboard>
{
    /// <summary>Days the pages' date filter shows by default.</summary>
    public const int DefaultFilterDays = 14;

    private readonly ArtifactStore _artifacts;

    public StoreDashboardActivity(ArtifactStore artifacts) => _artifacts = artifacts;

    public override async Task<PublishedDashboard> RunAsync(TaskActivityContext context, DashboardPublishInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var layout = DashboardLayout.Place(input.Cards.Select(c => (c.Card.Width, c.Card.Height)).ToList());
        var cards = new JsonArray();
        for (var i = 0; i < input.Cards.Count; i++)
        {
            var card = input.Cards[i];
            var position = layout[i];
            cards.Add(new JsonObject
            {
                ["key"] = card.Card.Key,
                ["title"] = card.Card.Title,
                ["display"] = card.Card.Display,
                ["description"] = card.Card.Description,
                ["status"] = card.Status,
                ["reason"] = card.Reason,
                ["sql"] = card.ExecutedSql ?? card.Card.Sql,
                ["query_hash"] = card.QueryHash,
                ["tables"] = JsonSerializer.SerializeToNode(card.Tables, AutopilotJson.Options),
                ["columns"] = JsonSerializer.SerializeToNode(card.Columns, AutopilotJson.Options),
                ["rows"] = JsonSerializer.SerializeToNode(card.Rows, AutopilotJson.Options),
                ["truncated"] = card.Truncated,
                ["bytes_processed"] = card.BytesProcessed,
                ["position"] = new JsonObject { ["col"] = position.Col, ["row"] = position.Row, ["size_x"] = position.SizeX, ["size_y"] = position.SizeY },
            });
        }

        var data = new JsonObject
        {
            ["name"] = input.Dashboard.Name,
            ["template"] = input.Dashboard.Key,
            ["metabase_dashboard_id"] = input.MetabaseDashboardId,
            ["date_filter"] = new JsonObject { ["default_days"] = DefaultFilterDays, ["max_days"] = DashboardTemplates.SeriesDays },
            ["layout"] = new JsonArray([.. layout.Select((p, i) => (JsonNode)new JsonObject
            {
                ["card"] = input.Cards[i].Card.Key, ["col"] = p.Col, ["row"] = p.Row, ["size_x"] = p.SizeX, ["size_y"] = p.SizeY,
            })]),
            ["cards"] = cards,
        };
        var draft = new ArtifactDraft(
            ArtifactTypes.Dashboard,
            input.Dashboard.Key,
            $"{input.WorkflowId}:{input.Dashboard.Key}",
            data,
            input.Cards.Where(c => c.Status != CardStatus.Refused).Select(c => c.QueryHash).Distinct(StringComparer.Ordinal).ToList(),
            input.Cards.SelectMany(c => c.Tables).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        var version = await _artifacts.PublishAsync(input.TenantId, draft, CancellationToken.None);
        return new PublishedDashboard(input.Dashboard.Key, input.Dashboard.Name, version.ArtifactId, version.Version,
            input.Cards.Count(c => c.Status == CardStatus.Ok), input.Cards.Count(c => c.Status == CardStatus.Empty), input.Cards.Count(c => c.Status == CardStatus.Refused), input.MetabaseDashboardId);
    }
}
