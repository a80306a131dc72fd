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
    private string? _tenant;
    private object? _request;

    internal ApiContext(ApiRoute route, HttpContext http, DurableTaskClient durable, RouteValueDictionary routeValues, JsonElement? body, RequestIdentity? identity, ReadOnlyMemory<byte> rawBody = default)
    {
        RawBody = rawBody;
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

    /// <summary>The body's bytes as sent, for routes that declare <see cref="ApiRoute.RawBody"/> (empty otherwise).</summary>
    public ReadOnlyMemory<byte> RawBody { get; }

    public CancellationToken Cancellation => Http.RequestAborted;

    public RequestIdentity Identity => _identity ?? throw new InvalidOperationException($"Route {Route.Name} is public: it establishes no identity.");

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

    /// <summary>
    /// The tenant the dispatcher authorised for this request (scope and role already checked against the route's
    /// declaration): every store call of a handler is scoped to it.
    /// </summary>
    public string Tenant => _tenant ?? throw new InvalidOperationException($"Route {Route.Name} is not tenant-scoped.");

    /// <summary>The request the route's <see cref="ApiRoute.Bind"/> stage bound and validated.</summary>
    public T Request<T>() where T : class =>
        _request as T ?? throw new InvalidOperationException($"Route {Route.Name} bound no {typeof(T).Name}.");

    internal void Authorised(string tenant) => _tenant = tenant;

    internal void Bound(object request) => _request = request;
}
