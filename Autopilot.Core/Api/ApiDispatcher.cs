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
/// Runs a route's handler with the seed's evaluation order (spec §0.3): unparseable JSON → 422, headers → 400,
/// schema → 422, scope/role → 403, then the handler's own errors. Deliberate errors are audited (AUD-2).
/// Both runtimes call this; neither has request logic of its own.
/// </summary>
public sealed class ApiDispatcher
{
    private readonly AuditLog _audit;
    private readonly ILogger<ApiDispatcher> _logger;
    private readonly TenantRateLimiter _rateLimits;
    private readonly Dictionary<string, (ApiRoute Route, TemplateMatcher Matcher)> _routes;

    public ApiDispatcher(AuditLog audit, ILogger<ApiDispatcher> logger, TenantRateLimiter rateLimits)
    {
        _audit = audit;
        _logger = logger;
        _rateLimits = rateLimits;
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
        var (route, matcher) = _routes[routeName];
        try
        {
            var values = new RouteValueDictionary();
            matcher.TryMatch(http.Request.Path, values);

            var body = await ReadJsonBodyAsync(http.Request);
            var identity = route.Access == RouteAccess.Public ? null : RequestIdentity.FromHeaders(http.Request.Headers);
            if (identity is not null)
            {
                // Per tenant and route class, before any handler work (429 + Retry-After, audited like other refusals).
                await _rateLimits.EnforceAsync(route, identity.TenantId, http.Response, http.RequestAborted);
            }

            return await route.Handler(new ApiContext(route, http, client, values, body, identity));
        }
        catch (ApiException error)
        {
            await AuditRefusalAsync(http, error);
            return ApiResult.Error(error.Status, error.Detail);
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

    private static async Task<JsonElement?> ReadJsonBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ValidationException.Invalid("body", (ex.BytePositionInLine ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), "json_invalid", "JSON decode error", null);
        }
    }

    private async Task AuditRefusalAsync(HttpContext http, ApiException error)
    {
        var tenant = http.Request.Headers[RequestIdentity.TenantHeader].ToString();
        var role = http.Request.Headers[RequestIdentity.RoleHeader].ToString();
        try
        {
            await _audit.AppendAsync(
                string.IsNullOrEmpty(tenant) ? "unknown" : tenant,
                "http_exception",
                new
                {
                    status_code = error.Status,
                    detail = error.Detail,
                    method = http.Request.Method,
                    path = http.Request.Path.Value,
                    role = string.IsNullOrEmpty(role) ? "unknown" : role,
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
