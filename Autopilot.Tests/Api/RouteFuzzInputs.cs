using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Autopilot.Core.Agent;
using Autopilot.Core.Api;
using Autopilot.Core.Connectors;
using Autopilot.Core.Engine;
using Autopilot.Core.Queries;
using Autopilot.Core.Workflows;

namespace Autopilot.Tests.Api;

/// <summary>
/// Malformed and hostile requests for a route of the route table: bodies of the wrong shape, each field of the route's own
/// documented body (its <see cref="RouteDoc.Request"/>) set to every wrong type and hostile value, every known field at
/// once, hostile path parameters, the route's own documented query parameters (<see cref="RouteDoc.Query"/>, org_id and an
/// unknown one) and identity headers. Taking the fields and parameters from the route's documentation keeps the sweep
/// aimed: a route gets its own inputs, not the union of every route's (which was four times the requests, most of them
/// names the route never reads).
/// </summary>
internal static class RouteFuzzInputs
{
    /// <summary>Each route's requests act on a tenant of their own, so one route's accepted input cannot change another's.</summary>
    public static string TenantOf(ApiRoute route) => "org_fuzz_" + route.Name.ToLowerInvariant();

    /// <summary>One request to send: a label for the report, the path and query, headers and an optional raw body.</summary>
    public sealed record FuzzRequest(string Route, string Input, HttpMethod Method, string PathAndQuery, string? TenantHeader, string? RoleHeader, string? Body);

    /// <summary>Body fields: those of the records handlers bind, plus those they read by hand.</summary>
    private static readonly string[] Fields =
    [
        .. new[] { typeof(ConnectRequest), typeof(AgentRunRequest), typeof(LimitsRequest), typeof(TenantQueryLimits), typeof(FaultTestRequest), typeof(Autopilot.Core.Memos.MemoScheduleRequest) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.CanWrite || p.DeclaringType!.GetConstructors().Any(c => c.GetParameters().Any(a => a.Name == p.Name)))
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)),
        "sql", "preview_id", "show_pii", "approved", "reason", "dataset", "table", "column", "is_pii", "workflow_id", "action",
        "packet", "runs_per_provider",
    ];

    /// <summary>Values of the wrong type, out of range, or hostile as text.</summary>
    public static IReadOnlyList<(string Name, string Json)> Values { get; } =
    [
        ("number", "123"),
        ("huge exponent", "1e309"),
        ("true", "true"),
        ("array", """[{"a":1},2]"""),
        ("object", """{"nested":{"deeper":[1,"x",null]}}"""),
        ("sql injection", JsonSerializer.Serialize("x'; DROP TABLE users; -- \" OR 1=1 /*")),
        ("control, bidi and lone surrogate", JsonSerializer.Serialize("a\u0000b\u0007c\u202ed\ufeff💥\ud83d")),
        ("huge string", JsonSerializer.Serialize(new string('x', 100_000))),
    ];

    private static (string Name, string? Body)[] Bodies(string tenant, string[] routeFields) =>
    [
        ("no body", null),
        ("empty object", "{}"),
        ("json null", "null"),
        ("array instead of object", $$"""[{"org_id":"{{tenant}}"}]"""),
        ("number body", "42"),
        ("string body", "\"hello\""),
        ("truncated json", """{"org_id": "org_fuzz", "sql": "SEL"""),
        ("not json", "org_id=org_fuzz&sql=SELECT+1"),
        ("deep nesting", new string('[', 5_000) + new string(']', 5_000)),
        ("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)),
        ("duplicate keys", $$"""{"org_id":"{{tenant}}","org_id":"org_other"}"""),
        ("every field hostile", Every(tenant, routeFields, "x'; DROP TABLE users; --")),
        ("every field an array", Every(tenant, routeFields, new JsonArray(1, 2))),
        ("half a megabyte body", Every(tenant, routeFields, new string('y', 500_000 / 30))),
    ];

    private static readonly string[] PathValues =
    [
        "wf_123", "..%2F..%2Fetc%2Fpasswd", "..", "%00", "a%00b", new string('i', 2_048), "%E2%80%AE", "%F0%9F%92%A5",
        "%27%20OR%201%3D1--", "%2F", "%5C", "%23", "%3F", "%25", "%20", "a%0Ab",
    ];

    /// <summary>Every query parameter any route reads, for a route without documentation.</summary>
    private static readonly string[] AllQueryNames = ["org_id", "wait_seconds", "limit", "cursor", "status", "workflow_type", "action", "sampling", "artifact_type", "from_version", "to_version"];

    /// <summary>org_id (every route scopes by it or refuses it), the route's documented parameters, and one it does not read.</summary>
    private static string[] QueryNames(ApiRoute route) =>
        route.Doc is { } doc ? ["org_id", .. doc.Query.Where(q => q != "org_id"), "not_a_parameter"] : AllQueryNames;

    /// <summary>The JSON names of the route's documented body fields; all known fields when its body is not a documented object.</summary>
    private static string[] BodyFields(ApiRoute route)
    {
        if (route.Doc?.Request is not { } type)
        {
            return route.Doc is null ? [.. Fields.Distinct()] : ["org_id"];
        }

        var info = AutopilotJson.Options.GetTypeInfo(type);
        return info.Kind == JsonTypeInfoKind.Object
            ? [.. info.Properties.Select(p => p.Name).Prepend("org_id").Distinct()]
            : [.. Fields.Distinct()];
    }

    private static readonly string[] QueryValues =
    [
        "-1", "99999999999999999999", "NaN", "%00", "..%2F..%2Fetc", new string('q', 2_048), "%E2%80%AE%F0%9F%92%A5", "%27%3B%20DROP%20TABLE%20users%3B--",
    ];

    public static IEnumerable<FuzzRequest> For(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var tenant = TenantOf(route);
        var method = new HttpMethod(route.Method);
        var path = Path(route, "wf_123");
        var query = $"?org_id={tenant}&wait_seconds=0";
        FuzzRequest Make(string input, string pathAndQuery, string? header = "", string? role = "admin", string? body = null) =>
            new(route.Name, input, method, pathAndQuery, header == "" ? tenant : header, role, body);

        // Identity headers.
        yield return Make("no identity headers", path + query, header: null, role: null);
        yield return Make("unknown role", path + query, role: "root");
        yield return Make("viewer role", path + query, role: "viewer");
        yield return Make("wrong tenant", path + query, header: "org_other");
        yield return Make("2 KB tenant header", path + query, header: new string('t', 2_048));
        yield return Make("hostile tenant header", path + query, header: "../org%00'--");

        // Path parameters.
        if (route.Template.Contains('{', StringComparison.Ordinal))
        {
            foreach (var value in PathValues)
            {
                yield return Make($"path parameter {Shorten(value)}", Path(route, value) + query, body: method == HttpMethod.Post ? $$"""{"org_id":"{{tenant}}"}""" : null);
            }
        }

        // Query parameters.
        foreach (var name in QueryNames(route))
        {
            foreach (var value in QueryValues)
            {
                var rest = name == "org_id" ? "&wait_seconds=0" : $"&org_id={tenant}" + (name == "wait_seconds" ? "" : "&wait_seconds=0");
                yield return Make($"query {name}={Shorten(value)}", $"{path}?{name}={value}{rest}", body: method == HttpMethod.Post ? $$"""{"org_id":"{{tenant}}"}""" : null);
            }
        }

        if (method != HttpMethod.Post)
        {
            yield break;
        }

        // Bodies of the wrong shape, then every field with every wrong value (org_id valid, so handlers get past scope).
        var fields = BodyFields(route);
        foreach (var (name, body) in Bodies(tenant, fields))
        {
            yield return Make($"body: {name}", path + query, body: body);
        }

        foreach (var field in fields)
        {
            foreach (var (name, json) in Values)
            {
                var body = field == "org_id" ? $$"""{"org_id":{{json}}}""" : $$"""{"org_id":"{{tenant}}","{{field}}":{{json}}}""";
                yield return Make($"field {field}: {name}", path + query, body: body);
            }
        }
    }

    private static string Path(ApiRoute route, string value)
    {
        var builder = new StringBuilder();
        foreach (var segment in route.Template.Split('/'))
        {
            builder.Append('/').Append(segment.StartsWith('{') ? value : segment);
        }

        return builder.ToString();
    }

    /// <summary>A body with every known field, the route's own included, set to the value.</summary>
    private static string Every(string tenant, string[] routeFields, JsonNode? value)
    {
        var body = new JsonObject { ["org_id"] = tenant };
        foreach (var field in Fields.Concat(routeFields).Distinct().Where(f => f != "org_id"))
        {
            body[field] = value?.DeepClone();
        }

        return body.ToJsonString();
    }

    private static string Shorten(string value) => value.Length <= 24 ? value : $"{value[..8]}…({value.Length} chars)";
}
