using System.Security.Cryptography;
using Autopilot.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Pages;

/// <summary>
/// <c>GET /assets/{name}</c>: a fixed allow-list of files embedded in this assembly — the charting library (uPlot, vendored
/// from the npm package pinned in package.json, with its licence; a test checks the copy matches that version) and the
/// pages' own script and styles. No CDN: a page loads nothing the app does not serve itself, and its CSP says so.
/// </summary>
public static class PageAssets
{
    public const string ChartLibrary = "uPlot.iife.min.js";
    public const string ChartStyles = "uPlot.min.css";
    public const string Styles = "pages.css";
    public const string Charts = "charts.js";
    public const string DashboardScript = "dashboard.js";
    public const string MemoScript = "memo.js";
    public const string ApiDocsScript = "api-docs.js";
    public const string ConsoleScript = "console.js";

    private static readonly Dictionary<string, PageAsset> Assets = new[]
    {
        (ChartLibrary, "text/javascript; charset=utf-8"),
        (ChartStyles, "text/css; charset=utf-8"),
        (Styles, "text/css; charset=utf-8"),
        (Charts, "text/javascript; charset=utf-8"),
        (DashboardScript, "text/javascript; charset=utf-8"),
        (MemoScript, "text/javascript; charset=utf-8"),
        (ApiDocsScript, "text/javascript; charset=utf-8"),
        (ConsoleScript, "text/javascript; charset=utf-8"),
    }.ToDictionary(a => a.Item1, a => Load(a.Item1, a.Item2), StringComparer.Ordinal);

    /// <summary>The names served, in the allow-list's order.</summary>
    public static IReadOnlyCollection<string> Names => Assets.Keys;

    public static PageAsset Get(string name) => Assets[name];

    /// <summary>Anything not on the list is a 404, whatever the path tries (<c>..</c>, encoded slashes, other resources).</summary>
    public static Task<ApiResult> Serve(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Assets.TryGetValue(context.RouteValue("name"), out var asset))
        {
            throw new ApiException(StatusCodes.Status404NotFound, "Asset not found");
        }

        return Task.FromResult(ApiResult.File(asset.Content, asset.ContentType)
            .WithHeader("Cache-Control", "public, max-age=31536000, immutable")
            .WithHeader("ETag", $"\"{asset.Hash}\"")
            .WithHeader("X-Content-Type-Options", "nosniff"));
    }

    private static PageAsset Load(string name, string contentType)
    {
        using var stream = typeof(PageAssets).Assembly.GetManifestResourceStream("Autopilot.Pages." + name)
            ?? throw new InvalidOperationException($"Page asset {name} is not embedded in {typeof(PageAssets).Assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new PageAsset(name, contentType, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }
}
