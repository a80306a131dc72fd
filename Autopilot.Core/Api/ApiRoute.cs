namespace Autopilot.Core.Api;

/// <summary>
/// One HTTP route: a stable name (also the Azure Functions function name), method, template, who may call it, where its
/// tenant comes from, and its handler. The dispatcher enforces <see cref="Access"/> and <see cref="Tenant"/> before the
/// handler runs, so a handler only ever sees an authorised tenant (<see cref="ApiContext.Tenant"/>).
/// </summary>
public sealed record ApiRoute(string Name, string Method, string Template, RouteAccess Access, TenantSource Tenant, Func<ApiContext, Task<ApiResult>> Handler)
{
    /// <summary>
    /// Optional schema stage: binds and validates the request (422) after identity and before the scope/role check, the seed's
    /// order (spec §0.3). Its result is the handler's <see cref="ApiContext.Request{T}"/>.
    /// </summary>
    public Func<ApiContext, object>? Bind { get; init; }

    /// <summary>
    /// Optional: how the route answers its errors (every 4xx/5xx, from any stage) when JSON is not what its caller reads —
    /// the app's HTML pages answer an error page. Null: the API's JSON <c>{"detail": ...}</c>.
    /// </summary>
    public Func<ApiResult, ApiResult>? RenderError { get; init; }

    /// <summary>
    /// The route reads its body as the bytes sent (<see cref="ApiContext.RawBody"/>) and the dispatcher does not parse it as
    /// JSON: signed webhooks verify a signature over exactly those bytes, and Slack's slash commands are form-encoded.
    /// </summary>
    public bool RawBody { get; init; }
    /// <summary>What the OpenAPI document (<c>/openapi.json</c>) says of the route; every route of the table has one (a test names any that lacks it).</summary>
    public RouteDoc? Doc { get; init; }
}
