using System.Collections.Concurrent;
using System.Reflection;
using Autopilot.Core.Api;
using Autopilot.Core.Pages;
using Autopilot.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.ApiDocs;

/// <summary><c>GET /openapi.json</c> and <c>GET /api/docs</c>: the API's description and a page that browses it; both public.</summary>
public static class ApiDocsEndpoints
{
    /// <summary>The document depends only on the route table and the auth mode, both fixed for the process: built once per mode.</summary>
    private static readonly ConcurrentDictionary<AuthMode, string> Documents = new();

    private static readonly string Version =
        typeof(ApiDocsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    public static Task<ApiResult> Document(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = context.Service<AuthOptions>().Mode;
        var json = Documents.GetOrAdd(mode, m => OpenApiDocument.Build(RouteTable.All, m, Version).ToJsonString());
        return Task.FromResult(ApiResult.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json")
            .WithHeader("Cache-Control", "no-cache"));
    }

    /// <summary>The browsable description: a page of the app (own script, CSP) that reads <c>/openapi.json</c>.</summary>
    public static Task<ApiResult> Browser(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string body = "<main class=\"api-docs\">\n<h1>Autopilot API</h1>\n<p class=\"lede\">Generated from the route table: <a href=\"/openapi.json\">/openapi.json</a>.</p>\n"
            + "<input id=\"api-filter\" type=\"search\" placeholder=\"Filter by path, name or tag\" aria-label=\"Filter operations\">\n<div id=\"api-operations\"></div>\n</main>\n";
        return Task.FromResult(HtmlPage.Respond(StatusCodes.Status200OK, HtmlPage.Render("API", body, data: null, PageAssets.ApiDocsScript)));
    }
}
