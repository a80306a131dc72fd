using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autopilot.Core.Api;
using Autopilot.Core.Tenancy;

namespace Autopilot.Core.ApiDocs;

/// <summary>
/// The OpenAPI 3.1 document of the one route table: every route's path, method, parameters (org_id where its tenant source
/// says so), request and response schemas, the error bodies the dispatcher and the handler can answer, and who may call it
/// (<c>x-autopilot-access</c> plus the security requirement of the AUTH_MODE in force).
/// </summary>
public static partial class OpenApiDocument
{
    public const string HeadersScheme = "tenantHeaders";
    public const string RoleScheme = "roleHeader";
    public const string BearerScheme = "bearer";

    private static readonly Dictionary<int, string> Reasons = new()
    {
        [200] = "OK", [202] = "Accepted: the work continues; poll the status URL", [400] = "Bad request", [401] = "Missing or invalid bearer token",
        [403] = "Tenant boundary or role refused", [404] = "Not found", [409] = "Conflict (or the tenant is being purged)",
        [422] = "Validation error", [429] = "Rate limited (Retry-After)",
    };

    /// <summary>The document for <paramref name="routes"/> as served under <paramref name="mode"/>.</summary>
    public static JsonObject Build(IEnumerable<ApiRoute> routes, AuthMode mode, string version)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var schemas = new OpenApiSchemas();
        var paths = new JsonObject();
        foreach (var route in routes.OrderBy(r => r.Template, StringComparer.Ordinal))
        {
            var path = "/" + route.Template;
            if (paths[path] is not JsonObject item)
            {
                item = new JsonObject();
                paths[path] = item;
            }

            item[route.Method.ToLowerInvariant()] = Operation(route, mode, schemas);
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Autopilot API",
                ["version"] = version,
                ["description"] = "Generated from the service's route table. Identity: " + (mode == AuthMode.Jwt
                    ? "a bearer token (AUTH_MODE=jwt)."
                    : "X-Tenant-Id and X-User-Role headers (AUTH_MODE=headers)."),
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = SecuritySchemes(mode),
            },
        };
    }

    /// <summary>The statuses a route can answer besides its success: the dispatcher's from its declaration, then the handler's own.</summary>
    public static IReadOnlyList<int> ErrorStatuses(ApiRoute route, AuthMode mode)
    {
        ArgumentNullException.ThrowIfNull(route);
        var statuses = new SortedSet<int>(route.Doc?.Errors ?? []);
        var takesBody = route.Method != "GET";
        if (route.Access != RouteAccess.Public)
        {
            statuses.UnionWith([mode == AuthMode.Jwt ? 401 : 400, 403, 409, 429]);
        }

        if (route.Bind is not null || takesBody && route.Access != RouteAccess.Public || route.Tenant is TenantSource.QueryOrgId or TenantSource.BodyOrgId or TenantSource.BodyTenantId
            || route.Doc?.Query.Contains("limit") == true)
        {
            statuses.Add(422);
        }

        if (PathParameters(route.Template).Any())
        {
            statuses.Add(404);
        }

        return [.. statuses];
    }

    public static IEnumerable<string> PathParameters(string template) =>
        PathParameter().Matches(template).Select(m => m.Groups[1].Value);

    public static string AccessName(RouteAccess access) => access switch
    {
        RouteAccess.Public => "public",
        RouteAccess.AnyRole => "any",
        RouteAccess.Member => "member",
        RouteAccess.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    private static JsonObject Operation(ApiRoute route, AuthMode mode, OpenApiSchemas schemas)
    {
        var doc = route.Doc;
        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = doc?.Summary ?? route.Name,
            ["tags"] = new JsonArray(Tag(route.Template)),
            ["x-autopilot-access"] = AccessName(route.Access),
            ["x-autopilot-tenant-source"] = route.Tenant.ToString(),
        };
        var parameters = new JsonArray();
        foreach (var name in PathParameters(route.Template))
        {
            parameters.Add(Parameter(name, "path", required: true, "string"));
        }

        if (route.Tenant == TenantSource.QueryOrgId)
        {
            parameters.Add(Parameter("org_id", "query", required: true, "string"));
        }

        foreach (var name in doc?.Query ?? [])
        {
            parameters.Add(Parameter(name, "query", required: false, name switch { "limit" => "integer", "wait_seconds" => "number", _ => "string" }));
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (doc?.Request is { } request)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Reference(request) } },
            };
        }

        operation["responses"] = Responses(route, mode, schemas);
        operation["security"] = route.Access == RouteAccess.Public
            ? new JsonArray()
            : new JsonArray(mode == AuthMode.Jwt
                ? new JsonObject { [BearerScheme] = new JsonArray() }
                : new JsonObject { [HeadersScheme] = new JsonArray(), [RoleScheme] = new JsonArray() });
        return operation;
    }

    private static JsonObject Responses(ApiRoute route, AuthMode mode, OpenApiSchemas schemas)
    {
        var responses = new JsonObject();
        if (route.Doc is { } doc)
        {
            var success = new JsonObject { [doc.MediaType] = new JsonObject { ["schema"] = schemas.Reference(doc.Response) } };
            responses["200"] = new JsonObject { ["description"] = Reasons[200], ["content"] = success };
            if (doc.Accepted)
            {
                responses["202"] = new JsonObject { ["description"] = Reasons[202], ["content"] = success.DeepClone() };
            }
        }

        foreach (var status in ErrorStatuses(route, mode))
        {
            var body = status == 422 ? typeof(ValidationErrorBody) : typeof(ErrorBody);
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = Reasons.GetValueOrDefault(status, "Error"),
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Reference(body) } },
            };
        }

        return responses;
    }

    private static JsonObject SecuritySchemes(AuthMode mode) => mode == AuthMode.Jwt
        ? new JsonObject { [BearerScheme] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" } }
        : new JsonObject
        {
            [HeadersScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = RequestIdentity.TenantHeader, ["description"] = "The caller's tenant (org) id." },
            [RoleScheme] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = RequestIdentity.RoleHeader, ["description"] = "admin, member or viewer." },
        };

    private static JsonObject Parameter(string name, string location, bool required, string type) => new()
    {
        ["name"] = name,
        ["in"] = location,
        ["required"] = required,
        ["schema"] = new JsonObject { ["type"] = type },
    };

    /// <summary>Groups operations by the first meaningful path segment (workflows, alerts, ...).</summary>
    private static string Tag(string template)
    {
        var segments = template.Split('/');
        return segments.Length > 2 && segments[0] == "api" ? segments[2] : segments[0];
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex PathParameter();
}
