using System.Diagnostics;
using System.Text.Json;
using Autopilot.Core.Audit;
using Autopilot.Core.RateLimits;
using Autopilot.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Api;

/// <summary>
/// The one enforcement point of the API, called by both runtimes (neither has request logic of its own). For each request:
/// identity (AUTH_MODE headers or jwt), the route's schema stage, the tenant the route declares it acts on, tenant scope and
/// role against the route's declared access — all before the handler runs, which then gets only the authorised tenant
/// (<see cref="ApiContext.Tenant"/>). In headers mode the seed's order holds (spec §0.3): unparseable JSON → 422, headers →
/// 400, schema → 422, scope/role → 403, then the handler's own errors. In jwt mode the token comes first (401), so nothing
/// about a request is answered to a caller without a valid token. Deliberate errors are audited (AUD-2) with the auth outcome.
/// </summary>
public sealed class ApiDispatcher
{
    private readonly AuditLog _audit;
    private readonly AuthOptions _auth;
    private readonly BearerTokenAuthenticator _bearer;
    private readonly ILogger<ApiDispatcher> _logger;
    private readonly TenantRateLimiter _rateLimits;
    private readonly Tenants.Purge.TenantPurgeMarkers _purges;
    private readonly Dictionary<string, (ApiRoute Route, TemplateMatcher Matcher)> _routes;

    public ApiDispatcher(AuditLog audit, AuthOptions auth, BearerTokenAuthenticator bearer, TenantRateLimiter rateLimits, Tenants.Purge.TenantPurgeMarkers purges, ILogger<ApiDispatcher> logger)
    {
        _purges = purges;
        _audit = audit;
        _auth = auth;
        _bearer = bearer;
        _logger = logger;
        _rateLimits = rateLimits;
        if (RouteDeclaration.Problems(RouteTable.All) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("The route table cannot be enforced: " + string.Join("; ", problems));
        }

        _routes = RouteTable.All.ToDictionary(
            r => r.Name,
            r => (r, new TemplateMatcher(TemplateParser.Parse(r.Template), new RouteValueDictionary())),
            StringComparer.Ordinal);
    }

    /// <summary>The Azure Functions entry point: one line per function.</summary>
    public Task<ApiResult> DispatchAsync(string routeName, HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        return DispatchAsync(routeName, request.HttpContext, client);
    }

    public async Task<ApiResult> DispatchAsync(string routeName, HttpContext http, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(http);
        var route = _routes[routeName].Route;
        Activity.Current?.SetTag("autopilot.route", routeName);
        using var engine = Engine.DurableClientScope.Begin(client);
        var result = await AnswerAsync(routeName, http, client);
        return result.Status >= 400 && route.RenderError is { } render ? render(result) : result;
    }

    private async Task<ApiResult> AnswerAsync(string routeName, HttpContext http, DurableTaskClient client)
    {
        var (route, matcher) = _routes[routeName];
        // auth.Reason names the check under way, so a refusal one of them throws is audited with it.
        var auth = new AuthOutcome(_auth.Mode, route.Access == RouteAccess.Public ? "public" : "pending", null);
        try
        {
            var values = new RouteValueDictionary();
            matcher.TryMatch(http.Request.Path, values);
            if (route.Access != RouteAccess.Public && _auth.Mode == AuthMode.Jwt)
            {
                auth = await _bearer.AuthenticateAsync(http.Request, http.RequestAborted);
                if (!auth.Succeeded)
                {
                    return await RefuseAsync(http, auth);
                }
            }

            var bytes = await ReadBodyAsync(http.Request);
            var body = route.RawBody ? null : ParseJson(bytes);
            if (route.Access != RouteAccess.Public && _auth.Mode == AuthMode.Headers)
            {
                auth = auth with { Reason = "invalid_headers" };
                var identity = RequestIdentity.FromHeaders(http.Request.Headers);
                auth = AuthOutcome.Accepted(AuthMode.Headers, identity);
            }

            var context = new ApiContext(route, http, client, values, body, auth.Identity, route.RawBody ? bytes : default);
            if (route.Access != RouteAccess.Public)
            {
                // Schema (422) before scope and role (403), the seed's order: the org the request names, then the route's own input.
                var requested = RequestedTenant.Read(route.Tenant, context);
                if (route.Bind is { } bind)
                {
                    context.Bound(bind(context));
                }

                auth = auth with { Reason = "tenant_mismatch" };
                auth.Identity!.EnsureTenant(requested);
                auth = auth with { Reason = "role_insufficient" };
                auth.Identity.EnsureRole(route.Access);
                auth = auth with { Reason = "authorized" };
                context.Authorised(auth.Identity.TenantId);

                // Identity and tenant are established here and nowhere later: per tenant and route class, before any
                // handler work (429 + Retry-After, audited like other refusals).
                await _rateLimits.EnforceAsync(route, auth.Identity.TenantId, http.Response, http.RequestAborted);

                // A tenant being purged is neither whole nor gone: refuse its work until the purge is verified. Not audited,
                // so the refusal adds no row naming the tenant behind the purge. The purge routes stay open to follow it.
                if (route.Name is not (RouteNames.PurgeTenant or RouteNames.PurgePreview) && await _purges.BlocksAsync(auth.Identity.TenantId, http.RequestAborted))
                {
                    return ApiResult.Error(StatusCodes.Status409Conflict, new { status = "tenant_purge_in_progress", tenant_id = auth.Identity.TenantId });
                }
            }
            else if (route.Bind is { } bind)
            {
                context.Bound(bind(context));
            }

            return await route.Handler(context);
        }
        catch (ApiException error)
        {
            await AuditRefusalAsync(http, error.Status, error.Detail, auth);
            return ApiResult.Error(error.Status, error.StructuredDetail ?? error.Detail);
        }
        catch (ValidationException invalid)
        {
            return ApiResult.Json(StatusCodes.Status422UnprocessableEntity, new { detail = invalid.Issues });
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return ApiResult.PlainText(499, "Client Closed Request");
        }
#pragma warning disable CA1031 // The last line of defence: a route never leaks an exception's text.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Unhandled error in {Route}", route.Name);
            return ApiResult.PlainText(StatusCodes.Status500InternalServerError, "Internal Server Error");
        }
    }

    /// <summary>The body read once, as bytes (routes that verify a signature need exactly these); empty when there is none.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method))
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private static JsonElement? ParseJson(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ValidationException.Invalid("body", (ex.BytePositionInLine ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), "json_invalid", "JSON decode error", null);
        }
    }

    private async Task<ApiResult> RefuseAsync(HttpContext http, AuthOutcome auth)
    {
        await AuditRefusalAsync(http, auth.Status, auth.Detail!, auth);
        var refusal = ApiResult.Error(auth.Status, auth.Detail!);
        return auth.Challenge is { } challenge ? refusal.WithHeader("WWW-Authenticate", challenge) : refusal;
    }

    private async Task AuditRefusalAsync(HttpContext http, int status, string detail, AuthOutcome auth)
    {
        // Filed under the raw headers in headers mode, as the seed does (AUD-2); in jwt mode under the token's tenant once it
        // validated, never under a header an unauthenticated caller chose.
        var headers = _auth.Mode == AuthMode.Headers;
        var tenant = headers ? http.Request.Headers[RequestIdentity.TenantHeader].ToString() : auth.Identity?.TenantId ?? auth.TokenTenant;
        var role = headers ? http.Request.Headers[RequestIdentity.RoleHeader].ToString() : auth.Identity?.Role.ToString().ToLowerInvariant();
        try
        {
            await _audit.AppendAsync(
                string.IsNullOrEmpty(tenant) ? "unknown" : tenant,
                "http_exception",
                new
                {
                    status_code = status,
                    detail,
                    method = http.Request.Method,
                    path = http.Request.Path.Value,
                    role = string.IsNullOrEmpty(role) ? "unknown" : role,
                    auth_mode = auth.Mode.ToString().ToLowerInvariant(),
                    auth_reason = auth.Reason,
                },
                CancellationToken.None);
        }
#pragma warning disable CA1031 // An audit outage must not turn a 4xx into a 500; it is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Could not audit a refused request");
        }
    }
}
