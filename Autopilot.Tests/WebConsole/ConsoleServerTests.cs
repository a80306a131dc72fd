using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Tests.ApiDocs;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.WebConsole;

/// <summary>
/// Everything that needs the real server for the console and the API description, on one shared server (partial files by
/// concern): this file pins <c>/openapi.json</c> and <c>/api/docs</c> against real responses.
/// </summary>
public sealed partial class ConsoleServerTests(ConsoleServer fixture) : IClassFixture<ConsoleServer>
{
    [Fact]
    public async Task Openapi_json_is_public_and_describes_every_route_of_the_table()
    {
        using var response = await fixture.Http.GetAsync(new Uri("openapi.json", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        foreach (var route in RouteTable.All)
        {
            Assert.True(document["paths"]?["/" + route.Template]?[route.Method.ToLowerInvariant()] is JsonObject, $"{route.Name} is missing from the served document");
        }
    }

    /// <summary>Routes whose real answer is checked against the schema the document declares for it (the path built from the table).</summary>
    [Theory]
    [InlineData(RouteNames.Health)]
    [InlineData(RouteNames.Ready)]
    [InlineData(RouteNames.ListWorkflowRuns)]
    [InlineData(RouteNames.WorkflowStatus)]
    [InlineData(RouteNames.ListAlerts)]
    [InlineData(RouteNames.LlmStatus)]
    [InlineData(RouteNames.LlmBudget)]
    [InlineData(RouteNames.LlmUsage)]
    [InlineData(RouteNames.WorkflowLimits)]
    [InlineData(RouteNames.WorkflowQueue)]
    [InlineData(RouteNames.DeadLetters)]
    [InlineData(RouteNames.ListArtifacts)]
    [InlineData(RouteNames.PiiReview)]
    [InlineData(RouteNames.AlertPolicy)]
    [InlineData(RouteNames.AlertNotificationMetrics)]
    [InlineData(RouteNames.QueryLimits)]
    [InlineData(RouteNames.MemoSchedule)]
    public async Task A_real_response_validates_against_the_schema_its_route_declares(string name)
    {
        var route = RouteTable.All.Single(r => r.Name == name);
        var path = route.Template.Replace("{workflow_id}", fixture.FinishedRunId, StringComparison.Ordinal)
            + (route.Tenant == TenantSource.QueryOrgId ? "?org_id=" + fixture.Tenant : "");
        var (status, body) = await fixture.Http.SendAsync(HttpMethod.Get, path, fixture.Tenant, "admin");
        Assert.Equal(200, status);
        Assert.NotNull(body);

        using var served = await fixture.Http.GetAsync(new Uri("openapi.json", UriKind.Relative));
        var document = JsonNode.Parse(await served.Content.ReadAsStringAsync())!;
        var schema = document["paths"]!["/" + route.Template]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"];
        var problems = JsonSchemaCheck.Problems(document, schema, body);
        Assert.True(problems.Count == 0, $"{name}'s answer does not match its declared schema:\n{string.Join("\n", problems)}\n{body!.ToJsonString()}");
    }

    [Fact]
    public async Task A_schema_mismatch_is_reported_so_the_validation_above_can_fail()
    {
        using var served = await fixture.Http.GetAsync(new Uri("openapi.json", UriKind.Relative));
        var document = JsonNode.Parse(await served.Content.ReadAsStringAsync())!;
        var schema = document["paths"]!["/api/v1/alerts"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"];
        var problems = JsonSchemaCheck.Problems(document, schema, JsonNode.Parse("""{"org_id":1,"items":[{"alert_id":"a"}]}"""));
        Assert.Contains(problems, p => p.Contains("$.org_id: expected string", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("$.items[0]: required property 'title' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_api_docs_page_lists_the_operations_from_the_document_without_leaving_loopback()
    {
        await using var tab = await fixture.Browser.OpenAsync(fixture.Tenant, "viewer");
        var response = await tab.Page.GotoAsync(new Uri(fixture.Server.BaseAddress, "api/docs").ToString());
        Assert.Equal(200, response!.Status);
        Assert.Contains("default-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        await tab.Page.WaitForSelectorAsync("body[data-rendered]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal(RouteTable.All.Count, await tab.Page.Locator("#api-operations details.operation").CountAsync());
        await tab.Page.FillAsync("#api-filter", "dead-letters");
        Assert.Equal(2, await tab.Page.Locator("#api-operations details.operation:visible").CountAsync());
        await tab.ScreenshotAsync("api-docs");
        Assert.Empty(tab.ConsoleErrors);
        Assert.Empty(tab.OffLoopback);
    }
}
