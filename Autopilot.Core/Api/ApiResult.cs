using System.Text.Json;
using Autopilot.Core.Engine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Autopilot.Core.Api;

/// <summary>
/// A JSON response that both runtimes can write: minimal APIs take it as <see cref="IResult"/>,
/// Azure Functions (ASP.NET Core integration) as <see cref="IActionResult"/>.
/// </summary>
public sealed class ApiResult : IResult, IActionResult
{
    private ApiResult(int status, object? body, string contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public object? Body { get; }

    public string ContentType { get; }

    /// <summary>Response headers beyond the content type (e.g. <c>WWW-Authenticate</c> on a 401).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; private init; } = new Dictionary<string, string>();

    public ApiResult WithHeader(string name, string value) =>
        new(Status, Body, ContentType) { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    public static ApiResult Ok(object body) => new(StatusCodes.Status200OK, body, "application/json");

    public static ApiResult Accepted(object body) => new(StatusCodes.Status202Accepted, body, "application/json");

    public static ApiResult Json(int status, object body) => new(status, body, "application/json");

    public static ApiResult Error(int status, object detail) => new(status, new { detail }, "application/json");

    public static ApiResult PlainText(int status, string text) => new(status, text, "text/plain; charset=utf-8");

    /// <summary>An HTML page (the app's own pages; the caller adds their security headers).</summary>
    public static ApiResult Html(int status, string html) => new(status, html, "text/html; charset=utf-8");

    /// <summary>A file's bytes as they are (static assets).</summary>
    public static ApiResult File(byte[] content, string contentType) => new(StatusCodes.Status200OK, content, contentType);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        return Body switch
        {
            null => Task.CompletedTask,
            byte[] bytes => response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask(),
            string text when ContentType.StartsWith("text/", StringComparison.Ordinal) => response.WriteAsync(text, httpContext.RequestAborted),
            _ => JsonSerializer.SerializeAsync(response.Body, Body, Body.GetType(), AutopilotJson.Options, httpContext.RequestAborted),
        };
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.HttpContext);
    }
}
