using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core.Api;

/// <summary>Everything a handler needs about one request, identical on both runtimes.</summary>
public sealed class ApiContext
{
    private readonly RequestIdentity? _identity;

    internal ApiContext(ApiRoute route, HttpContext http, DurableTaskClient durable, RouteValueDictionary routeValues, JsonElement? body, RequestIdentity? identity)
    {
        Route = route;
        Http = http;
        Durable = durable;
        RouteValues = routeValues;
        Body = body;
        _identity = identity;
    }

    public ApiRoute Route { get; }

    public HttpContext Http { get; }

    public DurableTaskClient Durable { get; }

    public RouteValueDictionary RouteValues { get; }

    /// <summary>The parsed JSON body, or null when the request had none.</summary>
    public JsonElement? Body { get; }

    public CancellationToken Cancellation => Http.RequestAborted;

    public RequestIdentity Identity => _identity ?? throw new InvalidOperationException($"Route {Route.Name} reads no identity headers.");

    public T Service<T>() where T : notnull => Http.RequestServices.GetRequiredService<T>();

    public string? Query(string name)
    {
        var value = Http.Request.Query[name];
        return value.Count == 0 ? null : value.ToString();
    }

    /// <summary>A required query parameter; absent → 422 like the seed's schema validation.</summary>
    public string RequiredQuery(string name) => Query(name) ?? throw ValidationException.Missing("query", name);

    public string RouteValue(string name) => RouteValues.TryGetValue(name, out var value) && value is not null
        ? value.ToString()!
        : throw new InvalidOperationException($"Route {Route.Name} has no parameter {name}.");

    /// <summary>Binds the body to a typed record; an absent body or required field → 422.</summary>
    public T BindBody<T>() where T : class
    {
        if (Body is not { } body || body.ValueKind != JsonValueKind.Object)
        {
            throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
        }

        try
        {
            return body.Deserialize<T>(AutopilotJson.Options)
                ?? throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            throw ValidationException.Invalid("body", field, "invalid", ex.Message, null);
        }
    }

    /// <summary>Tenant scope then role check for the requested org; returns the tenant id to scope every store call.</summary>
    public string Authorize(string requestedOrg) => Identity.Authorize(requestedOrg, Route.Access);
}
