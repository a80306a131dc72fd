using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;

namespace Autopilot.Core.Pages;

/// <summary>
/// The frame of every page: text HTML-encoded, data in a <c>application/json</c> script block (never inline script), the
/// page's script and styles as assets, and a Content-Security-Policy that allows nothing but the app's own files.
/// </summary>
public static class HtmlPage
{
    /// <summary>Scripts, styles, images, fonts and requests from this origin only; no inline script or style, no frames.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Page data as JSON that cannot end the script block: &lt;, &gt;, &amp; and quotes are \u-escaped
    /// (<see cref="JavaScriptEncoder.Default"/>), so a value holding <c>&lt;/script&gt;</c> stays data.
    /// </summary>
    private static readonly JsonSerializerOptions DataJson = new(AutopilotJson.Options) { Encoder = JavaScriptEncoder.Default };

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>A whole page: <paramref name="body"/> is HTML the caller built with <see cref="Encode"/>.</summary>
    public static string Render(string title, string body, JsonNode? data, params string[] scripts)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" · Autopilot</title>\n");
        foreach (var style in new[] { PageAssets.ChartStyles, PageAssets.Styles })
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(Encode(PageAssets.Get(style).Url)).Append("\">\n");
        }

        html.Append("</head>\n<body>\n").Append(body);
        if (data is not null)
        {
            html.Append("<script type=\"application/json\" id=\"page-data\">")
                .Append(data.ToJsonString(DataJson))
                .Append("</script>\n");
        }

        foreach (var script in scripts)
        {
            html.Append("<script src=\"").Append(Encode(PageAssets.Get(script).Url)).Append("\" defer></script>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>A page answer with its security headers; pages show tenant data, so nothing caches them.</summary>
    public static ApiResult Respond(int status, string html) => Secure(ApiResult.Html(status, html));

    /// <summary>
    /// Any error of a page route (identity 400, scope 403, unknown artifact 404, schema 422), as a page that says what
    /// went wrong. The detail is the JSON answer's, so pages and API refuse for the same reasons.
    /// </summary>
    public static ApiResult Error(ApiResult error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = Detail(error.Body);
        var heading = error.Status switch
        {
            404 => "Not found",
            400 or 422 => "Bad request",
            401 => "Sign-in required",
            403 => "Not allowed",
            429 => "Too many requests",
            _ => "Something went wrong",
        };
        var body = $"<main class=\"error\">\n<h1>{Encode(heading)}</h1>\n<p class=\"detail\">{Encode(detail)}</p>\n<p class=\"status\">HTTP {error.Status}</p>\n</main>\n";
        var page = Respond(error.Status, Render(heading, body, data: null));
        return error.Headers.Aggregate(page, (result, header) => header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) ? result : result.WithHeader(header.Key, header.Value));
    }

    private static ApiResult Secure(ApiResult page) => page
        .WithHeader("Content-Security-Policy", ContentSecurityPolicy)
        .WithHeader("X-Content-Type-Options", "nosniff")
        .WithHeader("Referrer-Policy", "no-referrer")
        .WithHeader("Cache-Control", "no-store");

    private static string Detail(object? body)
    {
        if (body is string text)
        {
            return text;
        }

        var detail = body is null ? null : JsonSerializer.SerializeToNode(body, body.GetType(), AutopilotJson.Options)?["detail"];
        return detail switch
        {
            JsonValue value => value.ToString(),
            JsonArray issues => string.Join("; ", issues.Select(i => $"{string.Join(".", i?["loc"]?.AsArray().Select(l => l?.ToString()) ?? [])}: {i?["msg"]}")),
            _ => "The request could not be answered.",
        };
    }
}
