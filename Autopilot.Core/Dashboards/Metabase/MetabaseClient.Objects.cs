using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using System.Text.Json;

namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>Cards and dashboards: created once per marker, deleted idempotently.</summary>
public sealed partial class MetabaseClient
{
    /// <summary>The card carrying <see cref="MetabaseCardSpec.Marker"/> in the collection, created when absent.</summary>
    public async Task<int> EnsureCardAsync(int collectionId, int databaseId, MetabaseCardSpec spec, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var existing = await FindMarkedAsync(collectionId, "card", spec.Marker, ct);
        if (existing.FirstOrDefault(i => string.Equals(i.Description, spec.Marker, StringComparison.Ordinal)) is { } found)
        {
            return found.Id;
        }

        var body = new JsonObject
        {
            ["name"] = spec.Name,
            ["description"] = spec.Marker,
            ["collection_id"] = collectionId,
            ["display"] = spec.Display,
            ["visualization_settings"] = new JsonObject(),
            ["dataset_query"] = new JsonObject
            {
                ["database"] = databaseId,
                ["type"] = "native",
                ["native"] = new JsonObject
                {
                    ["query"] = spec.Sql,
                    ["template-tags"] = spec.TemplateTags?.DeepClone() ?? new JsonObject(),
                },
            },
        };
        var created = await SendAsync<JsonObject>(HttpMethod.Post, "api/card", body, "card create", ct);
        return IdOf(created, "card create");
    }

    /// <summary>Deletes a card; one that is already gone counts as deleted (compensation may run twice).</summary>
    public Task DeleteCardAsync(int cardId, CancellationToken ct) =>
        SendAsync<JsonNode>(HttpMethod.Delete, $"api/card/{cardId}", body: null, "card delete", ct, missingIsNull: true);

    /// <summary>The dashboard carrying <paramref name="marker"/> in the collection, created when absent.</summary>
    public async Task<int> EnsureDashboardAsync(int collectionId, string name, string marker, CancellationToken ct)
    {
        var existing = await FindMarkedAsync(collectionId, "dashboard", marker, ct);
        if (existing.FirstOrDefault(i => string.Equals(i.Description, marker, StringComparison.Ordinal)) is { } found)
        {
            return found.Id;
        }

        var body = new JsonObject { ["name"] = name, ["description"] = marker, ["collection_id"] = collectionId };
        var created = await SendAsync<JsonObject>(HttpMethod.Post, "api/dashboard", body, "dashboard create", ct);
        return IdOf(created, "dashboard create");
    }

    /// <summary>The dashboard, or null when it no longer exists (someone deleted it in Metabase).</summary>
    public async Task<MetabaseDashboard?> GetDashboardAsync(int dashboardId, CancellationToken ct)
    {
        var answer = await SendAsync<JsonObject>(HttpMethod.Get, $"api/dashboard/{dashboardId}", body: null, "dashboard read", ct, missingIsNull: true);
        return answer?.Deserialize<MetabaseDashboard>(AutopilotJson.Options);
    }

    /// <summary>
    /// Replaces the dashboard's cards and parameters in one call. New dashcards take negative ids, so Metabase removes
    /// the previous ones and adds these: the same call twice leaves the same dashboard.
    /// </summary>
    public async Task PutDashboardAsync(int dashboardId, IReadOnlyList<MetabaseCardPlacement> cards, JsonArray parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(parameters);
        var dashcards = new JsonArray();
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            dashcards.Add(new JsonObject
            {
                ["id"] = -(i + 1),
                ["card_id"] = card.CardId,
                ["row"] = card.Row,
                ["col"] = card.Col,
                ["size_x"] = card.SizeX,
                ["size_y"] = card.SizeY,
                ["parameter_mappings"] = card.ParameterMappings?.DeepClone() ?? new JsonArray(),
            });
        }

        var body = new JsonObject { ["dashcards"] = dashcards, ["parameters"] = parameters.DeepClone() };
        await SendAsync<JsonObject>(HttpMethod.Put, $"api/dashboard/{dashboardId}", body, "dashboard update", ct);
    }
}
