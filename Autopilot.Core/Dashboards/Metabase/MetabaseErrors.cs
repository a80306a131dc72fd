using System.Text.Json;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>
/// Turns Metabase's failures into classed <see cref="WorkflowStepException"/>s: 5xx, 429 and timeouts are retried by the
/// step runner; a refused key, a missing object or an invalid card are not. Messages carry the operation, the status and
/// Metabase's own message — never the request's headers, so never the API key.
/// </summary>
internal static class MetabaseErrors
{
    private const int MaxMessageLength = 300;

    public static WorkflowStepException FromResponse(string operation, int status, string body)
    {
        var message = MessageOf(body);
        var text = $"Metabase {operation} failed with HTTP {status}" + (message.Length > 0 ? ": " + message : ".");
        return new WorkflowStepException(Classify(status), text);
    }

    public static FailureClass Classify(int status) => status switch
    {
        401 or 403 => FailureClass.PermissionDenied,
        408 or 504 => FailureClass.Timeout,
        429 => FailureClass.TransientError,
        >= 500 => FailureClass.TransientNetwork,
        400 or 404 or 409 or 422 => FailureClass.ValidationFailed,
        _ => FailureClass.MalformedResponse,
    };

    public static WorkflowStepException Timeout(string operation, TimeSpan limit) =>
        new(FailureClass.Timeout, $"Metabase {operation} did not answer within {limit.TotalSeconds:0.#} s.");

    public static WorkflowStepException Unreachable(string operation, Exception error) =>
        new(FailureClass.TransientNetwork, $"Metabase {operation} could not be reached: {error.Message}", error);

    public static WorkflowStepException Malformed(string operation, string what) =>
        new(FailureClass.MalformedResponse, $"Metabase {operation} answered something unusable: {what}.");

    /// <summary>Metabase answers errors as a plain string, <c>{"message": …}</c> or <c>{"errors": {field: why}}</c>.</summary>
    private static string MessageOf(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.String)
            {
                return Shorten(root.GetString()!);
            }

            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return Shorten(message.GetString()!);
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
                {
                    return Shorten(string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {e.Value}")));
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: an HTML error page or plain text.
        }

        return Shorten(body.Trim());
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}
