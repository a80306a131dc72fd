using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Dashboards.Metabase;

/// <summary>Cards and dashboards, validated as Metabase validates them.</summary>
internal sealed partial class FakeMetabaseServer
{
    private IResult CreateCard(JsonObject? body)
    {
        if (Text(body?["name"]) is not { Length: > 0 } name || string.IsNullOrWhiteSpace(name))
        {
            return Invalid("name", "value must be a non-blank string.");
        }

        if (Text(body!["display"]) is not { Length: > 0 })
        {
            return Invalid("display", "value must be a non-blank string.");
        }

        if (body["visualization_settings"] is not JsonObject)
        {
            return Invalid("visualization_settings", "Value must be a map.");
        }

        if (body["dataset_query"] is not JsonObject query || Text(query["type"]) != "native"
            || query["native"] is not JsonObject native || Text(native["query"]) is not { Length: > 0 })
        {
            return Invalid("dataset_query", "value must be a map with a native query.");
        }

        lock (_gate)
        {
            if (query["database"] is not JsonValue database || !database.TryGetValue<int>(out var databaseId) || _databases.All(d => d["id"]!.GetValue<int>() != databaseId))
            {
                return PlainText(400, "Invalid Request: the query names no database Metabase knows.");
            }

            if (body["collection_id"] is JsonValue collectionValue && (!collectionValue.TryGetValue<int>(out var collectionId) || !_collections.ContainsKey(collectionId)))
            {
                return NotFound();
            }

            var card = (JsonObject)body.DeepClone();
            card["id"] = NextId();
            card["archived"] = false;
            _cards[card["id"]!.GetValue<int>()] = card;
            return Json(200, card.DeepClone());
        }
    }

    private IResult CreateDashboard(JsonObject? body)
    {
        if (Text(body?["name"]) is not { Length: > 0 } name || string.IsNullOrWhiteSpace(name))
        {
            return Invalid("name", "value must be a non-blank string.");
        }

        lock (_gate)
        {
            if (body!["collection_id"] is JsonValue collectionValue && (!collectionValue.TryGetValue<int>(out var collectionId) || !_collections.ContainsKey(collectionId)))
            {
                return NotFound();
            }

            var dashboard = new JsonObject
            {
                ["id"] = NextId(),
                ["name"] = name,
                ["description"] = body["description"]?.DeepClone(),
                ["collection_id"] = body["collection_id"]?.DeepClone(),
                ["archived"] = false,
                ["parameters"] = body["parameters"]?.DeepClone() ?? new JsonArray(),
                ["dashcards"] = new JsonArray(),
            };
            _dashboards[dashboard["id"]!.GetValue<int>()] = dashboard;
            return Json(200, dashboard.DeepClone());
        }
    }

    /// <summary>
    /// <c>PUT /api/dashboard/:id</c> with <c>dashcards</c>: the list replaces the dashboard's cards (negative ids are
    /// new ones), every card must exist and fit the grid, every parameter mapping must name a dashboard parameter.
    /// </summary>
    private IResult UpdateDashboard(int id, JsonObject? body)
    {
        lock (_gate)
        {
            if (!_dashboards.TryGetValue(id, out var dashboard))
            {
                return NotFound();
            }

            var parameters = body?["parameters"] as JsonArray ?? (JsonArray)dashboard["parameters"]!;
            var parameterIds = parameters.Select(p => Text(p?["id"])).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
            if (body?["dashcards"] is not JsonArray requested)
            {
                return Invalid("dashcards", "value must be an array.");
            }

            var existing = ((JsonArray)dashboard["dashcards"]!).Select(d => d!["id"]!.GetValue<int>()).ToHashSet();
            var placed = new JsonArray();
            foreach (var node in requested)
            {
                if (node is not JsonObject dashcard || dashcard["id"] is not JsonValue idValue || !idValue.TryGetValue<int>(out var dashcardId)
                    || dashcard["card_id"] is not JsonValue cardValue || !cardValue.TryGetValue<int>(out var cardId))
                {
                    return Invalid("dashcards", "each dashcard needs an integer id and card_id.");
                }

                if (!_cards.ContainsKey(cardId))
                {
                    return PlainText(400, $"Card {cardId} does not exist.");
                }

                if (dashcardId > 0 && !existing.Contains(dashcardId))
                {
                    return PlainText(404, $"Dashboard card {dashcardId} is not on dashboard {id}.");
                }

                int Cell(string name) => dashcard[name] is JsonValue v && v.TryGetValue<int>(out var n) ? n : -1;
                var (row, col, sizeX, sizeY) = (Cell("row"), Cell("col"), Cell("size_x"), Cell("size_y"));
                if (row < 0 || col < 0 || sizeX < 1 || sizeY < 1 || col + sizeX > GridWidth)
                {
                    return Invalid("dashcards", $"card {cardId} does not fit the {GridWidth}-column grid.");
                }

                foreach (var mapping in dashcard["parameter_mappings"] as JsonArray ?? [])
                {
                    if (!parameterIds.Contains(Text(mapping?["parameter_id"]) ?? "") || mapping?["card_id"]?.GetValue<int>() != cardId)
                    {
                        return PlainText(400, $"A parameter mapping of card {cardId} names no parameter of the dashboard.");
                    }
                }

                var stored = (JsonObject)dashcard.DeepClone();
                stored["id"] = dashcardId > 0 ? dashcardId : NextId();
                stored["dashboard_id"] = id;
                placed.Add(stored);
            }

            dashboard["dashcards"] = placed;
            dashboard["parameters"] = parameters.DeepClone();
            return Json(200, dashboard.DeepClone());
        }
    }
}
