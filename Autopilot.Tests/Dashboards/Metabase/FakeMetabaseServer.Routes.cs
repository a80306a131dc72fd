using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Dashboards.Metabase;

/// <summary>The middleware (log, failure injection, key check) and the routes.</summary>
internal sealed partial class FakeMetabaseServer
{
    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            JsonNode? body = null;
            if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
            {
                try
                {
                    body = await JsonNode.ParseAsync(context.Request.Body);
                }
                catch (System.Text.Json.JsonException)
                {
                    context.Response.StatusCode = 400;
                    await context.Response.WriteAsync("Malformed JSON in request body.");
                    return;
                }
            }

            context.Items[typeof(JsonNode)] = body;
            var hadKey = context.Request.Headers.ContainsKey("X-API-Key");
            FakeMetabaseFailure? failure;
            lock (_gate)
            {
                _requests.Add(new FakeMetabaseRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "", body?.DeepClone(), hadKey));
                failure = TakeFailure(context.Request.Method, context.Request.Path.Value ?? "");
            }

            if (failure is not null)
            {
                if (failure.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(failure.Delay, context.RequestAborted);
                }

                if (failure.Status != 0)
                {
                    context.Response.StatusCode = failure.Status;
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(failure.Body ?? new JsonObject { ["message"] = $"Injected failure {failure.Status}" }.ToJsonString());
                    return;
                }
            }

            if (!string.Equals(context.Request.Headers["X-API-Key"].ToString(), ApiKey, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("Unauthenticated");
                return;
            }

            await next(context);
        });

        app.MapGet("/api/user/current", () => Json(200, new JsonObject { ["id"] = 1, ["email"] = "api-key@example.com" }));
        app.MapGet("/api/database", ListDatabases);
        app.MapGet("/api/collection", ListCollections);
        app.MapPost("/api/collection", (HttpContext c) => CreateCollection(BodyOf(c)));
        app.MapGet("/api/collection/{id:int}/items", (int id, string? models) => CollectionItems(id, models));
        app.MapPut("/api/collection/{id:int}", (HttpContext c, int id) => UpdateCollection(id, BodyOf(c)));
        app.MapPost("/api/card", (HttpContext c) => CreateCard(BodyOf(c)));
        app.MapGet("/api/card/{id:int}", (int id) => Read(_cards, id));
        app.MapDelete("/api/card/{id:int}", (int id) => DeleteCard(id));
        app.MapPost("/api/dashboard", (HttpContext c) => CreateDashboard(BodyOf(c)));
        app.MapGet("/api/dashboard/{id:int}", (int id) => Read(_dashboards, id));
        app.MapPut("/api/dashboard/{id:int}", (HttpContext c, int id) => UpdateDashboard(id, BodyOf(c)));
    }

    private static JsonObject? BodyOf(HttpContext context) => context.Items[typeof(JsonNode)] as JsonObject;

    private FakeMetabaseFailure? TakeFailure(string method, string path)
    {
        var index = _failures.FindIndex(f => string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase) && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var failure = _failures[index];
        if (failure.Times <= 1)
        {
            _failures.RemoveAt(index);
        }
        else
        {
            _failures[index] = failure with { Times = failure.Times - 1 };
        }

        return failure;
    }

    private IResult ListDatabases()
    {
        lock (_gate)
        {
            var data = new JsonArray([.. _databases.Select(d => d.DeepClone())]);
            return Json(200, new JsonObject { ["data"] = data, ["total"] = data.Count });
        }
    }

    private IResult ListCollections()
    {
        lock (_gate)
        {
            var list = new JsonArray { new JsonObject { ["id"] = "root", ["name"] = "Our analytics", ["archived"] = false, ["personal_owner_id"] = null } };
            foreach (var collection in _collections.Values)
            {
                list.Add(collection.DeepClone());
            }

            return Json(200, list);
        }
    }

    private IResult CreateCollection(JsonObject? body)
    {
        if (body?["name"]?.GetValue<string>() is not { Length: > 0 } name || string.IsNullOrWhiteSpace(name))
        {
            return Invalid("name", "value must be a non-blank string.");
        }

        var collection = new JsonObject { ["id"] = NextId(), ["name"] = name, ["archived"] = false, ["personal_owner_id"] = null, ["location"] = "/" };
        lock (_gate)
        {
            _collections[collection["id"]!.GetValue<int>()] = collection;
        }

        return Json(200, collection.DeepClone());
    }

    /// <summary><c>PUT /api/collection/{id}</c>: archiving (or restoring) a collection does the same to the cards and dashboards in it.</summary>
    private IResult UpdateCollection(int id, JsonObject? body)
    {
        if (body?["archived"] is not JsonValue value || !value.TryGetValue<bool>(out var archived))
        {
            return Invalid("archived", "value must be a boolean.");
        }

        lock (_gate)
        {
            if (!_collections.TryGetValue(id, out var collection))
            {
                return NotFound();
            }

            collection["archived"] = archived;
            foreach (var item in _cards.Values.Concat(_dashboards.Values).Where(o => o["collection_id"]?.GetValue<int>() == id))
            {
                item["archived"] = archived;
            }

            return Json(200, collection.DeepClone());
        }
    }

    private IResult CollectionItems(int id, string? models)
    {
        lock (_gate)
        {
            if (!_collections.ContainsKey(id))
            {
                return NotFound();
            }

            var items = new JsonArray();
            void Add(IEnumerable<JsonObject> objects, string model)
            {
                if (models is not null && !string.Equals(models, model, StringComparison.Ordinal))
                {
                    return;
                }

                // As Metabase lists them: archived items only when asked for (never here).
                foreach (var o in objects.Where(o => o["collection_id"]?.GetValue<int>() == id && o["archived"]?.GetValue<bool>() != true))
                {
                    items.Add(new JsonObject { ["id"] = o["id"]!.GetValue<int>(), ["model"] = model, ["name"] = o["name"]!.DeepClone(), ["description"] = o["description"]?.DeepClone() });
                }
            }

            Add(_cards.Values, "card");
            Add(_dashboards.Values, "dashboard");
            return Json(200, new JsonObject { ["data"] = items, ["total"] = items.Count, ["models"] = new JsonArray("card", "dashboard") });
        }
    }

    private IResult Read(Dictionary<int, JsonObject> objects, int id)
    {
        lock (_gate)
        {
            return objects.TryGetValue(id, out var found) ? Json(200, found.DeepClone()) : NotFound();
        }
    }

    private IResult DeleteCard(int id)
    {
        lock (_gate)
        {
            return _cards.Remove(id) ? Results.NoContent() : NotFound();
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult PlainText(int status, string text) => Results.Content(text, "text/plain", Encoding.UTF8, status);
}
