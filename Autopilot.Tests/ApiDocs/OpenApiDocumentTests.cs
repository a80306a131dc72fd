using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.ApiDocs;
using Autopilot.Core.Tenancy;

namespace Autopilot.Tests.ApiDocs;

/// <summary>The OpenAPI document, generated over the whole route table: each case below comes from <see cref="RouteTable.All"/>.</summary>
public sealed class OpenApiDocumentTests
{
    /// <summary>POST routes whose schema stage reads only the query string: they take no body.</summary>
    private static readonly HashSet<string> QueryOnlyBinds = [RouteNames.RetryWorkflow];

    public static TheoryData<string> RouteNamesOfTheTable() => [.. RouteTable.All.Select(r => r.Name)];

    private static JsonObject Document(AuthMode mode = AuthMode.Headers) => OpenApiDocument.Build(RouteTable.All, mode, "test");

    [Fact]
    public void Every_route_of_the_table_declares_its_documentation()
    {
        var missing = RouteTable.All.Where(r => r.Doc is null).Select(r => $"{r.Name} ({r.Method} /{r.Template})").ToList();
        Assert.True(missing.Count == 0, "Routes without a Doc (summary, response and request types) in RouteTable: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(RouteNamesOfTheTable))]
    public void Every_route_appears_with_its_method_parameters_and_schemas(string name)
    {
        var route = RouteTable.All.Single(r => r.Name == name);
        Assert.True(route.Doc is not null, $"{name} has no Doc in RouteTable, so /openapi.json cannot describe its request and response");
        var operation = Document()["paths"]?["/" + route.Template]?[route.Method.ToLowerInvariant()] as JsonObject;
        Assert.True(operation is not null, $"{name}: {route.Method} /{route.Template} is not in the document");
        Assert.Equal(name, operation["operationId"]!.GetValue<string>());
        Assert.Equal(OpenApiDocument.AccessName(route.Access), operation["x-autopilot-access"]!.GetValue<string>());

        var parameters = operation["parameters"]?.AsArray().Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>(), Required: p["required"]!.GetValue<bool>())).ToList() ?? [];
        foreach (var pathParameter in OpenApiDocument.PathParameters(route.Template))
        {
            Assert.Contains((pathParameter, "path", true), parameters);
        }

        Assert.Equal(route.Tenant == TenantSource.QueryOrgId, parameters.Contains(("org_id", "query", true)));

        var takesBody = route.Tenant is TenantSource.BodyOrgId or TenantSource.BodyOrgIdOrEmpty or TenantSource.BodyOrgIdOrCaller or TenantSource.BodyTenantId
            || route.Method == "POST" && route.Bind is not null && !QueryOnlyBinds.Contains(name);
        if (takesBody)
        {
            Assert.True(operation["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject, $"{name} reads a body but declares no request schema (RouteDoc.Request)");
        }

        var responses = operation["responses"]!.AsObject();
        Assert.True(responses["200"]?["content"]?.AsObject().Single().Value?["schema"] is JsonObject, $"{name} declares no success schema");
        foreach (var status in OpenApiDocument.ErrorStatuses(route, AuthMode.Headers))
        {
            Assert.True(responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"] is JsonObject, $"{name}: no error body for {status}");
        }

        if (route.Access != RouteAccess.Public)
        {
            Assert.All(new[] { "400", "403", "422", "429" }, s => Assert.True(responses.ContainsKey(s), $"{name} can answer {s} from the dispatcher"));
        }
    }

    [Theory]
    [InlineData(AuthMode.Headers)]
    [InlineData(AuthMode.Jwt)]
    public void The_document_is_structurally_OpenAPI_3_and_every_reference_resolves(AuthMode mode)
    {
        var document = Document(mode);
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(document["info"]?["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(document["info"]?["version"]?.GetValue<string>()));
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            Assert.StartsWith("/", path, StringComparison.Ordinal);
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                Assert.Contains(method, new[] { "get", "post", "put", "delete", "patch" });
                Assert.True(operation!["responses"] is JsonObject { Count: > 0 }, $"{method} {path} has no responses");
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    Assert.Matches("^[1-5][0-9][0-9]$", status);
                    Assert.False(string.IsNullOrEmpty(response!["description"]?.GetValue<string>()), $"{method} {path} {status}: a response needs a description");
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    Assert.Contains(parameter!["in"]!.GetValue<string>(), new[] { "path", "query", "header" });
                    if (parameter["in"]!.GetValue<string>() == "path")
                    {
                        Assert.Contains("{" + parameter["name"]!.GetValue<string>() + "}", path, StringComparison.Ordinal);
                    }
                }

                foreach (var requirement in operation["security"]!.AsArray())
                {
                    Assert.All(requirement!.AsObject(), r => Assert.True(schemes.ContainsKey(r.Key), $"{method} {path} needs undeclared scheme {r.Key}"));
                }
            }
        }

        Assert.Equal(RouteTable.All.Count, operations);
        var references = References(document).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(JsonSchemaCheck.Resolve(document, r) is not null, $"$ref {r} does not resolve"));
    }

    [Fact]
    public void The_security_requirement_follows_the_auth_mode()
    {
        var route = RouteTable.All.Single(r => r.Name == RouteNames.ListAlerts);
        var headers = Document(AuthMode.Headers)["paths"]!["/" + route.Template]!["get"]!;
        var jwt = Document(AuthMode.Jwt)["paths"]!["/" + route.Template]!["get"]!;
        Assert.Equal("""[{"tenantHeaders":[],"roleHeader":[]}]""", headers["security"]!.ToJsonString());
        Assert.Equal("""[{"bearer":[]}]""", jwt["security"]!.ToJsonString());
        Assert.NotNull(headers["responses"]!["400"]);
        Assert.Null(headers["responses"]!["401"]);
        Assert.NotNull(jwt["responses"]!["401"]);
        var health = Document(AuthMode.Jwt)["paths"]!["/health"]!["get"]!;
        Assert.Equal("[]", health["security"]!.ToJsonString());
        Assert.Equal("public", health["x-autopilot-access"]!.GetValue<string>());
    }

    [Fact]
    public void Schemas_use_the_api_snake_case_names_and_mark_always_written_fields_required()
    {
        var schemas = Document()["components"]!["schemas"]!;
        var item = schemas["WorkflowRunsPage"]!["properties"]!["items"]!["items"]!;
        Assert.NotNull(item["properties"]!["workflow_id"]);
        Assert.NotNull(item["properties"]!["failure_class"]);
        Assert.Contains("workflow_id", item["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("""["string","null"]""", item["properties"]!["failure_class"]!["type"]!.ToJsonString());
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };
}
