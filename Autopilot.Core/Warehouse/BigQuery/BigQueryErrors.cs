using System.Text.Json;
using Autopilot.Core.Warehouse.BigQuery.Wire;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// Turns BigQuery's answers and failures into <see cref="WorkflowStepException"/>s of the right class. Messages carry the
/// operation, the HTTP status, BigQuery's reason and its message — never a request header, so never a token.
/// </summary>
internal static class BigQueryErrors
{
    private const int MaxMessageLength = 300;

    /// <summary>The error of a non-success response, classed by BigQuery's reason first and the HTTP status second.</summary>
    public static WorkflowStepException FromResponse(string operation, int status, string body)
    {
        var error = TryParse(body);
        var reason = error?.Errors?.FirstOrDefault(e => !string.IsNullOrEmpty(e.Reason))?.Reason ?? "";
        var message = error?.Message ?? (error?.Errors is [var first, ..] ? first.Message : null) ?? "";
        var text = $"BigQuery {operation} failed with HTTP {status}"
            + (reason.Length > 0 ? $" ({reason})" : "")
            + (message.Length > 0 ? ": " + Shorten(message) : ".");
        return new WorkflowStepException(Classify(status, reason), text);
    }

    /// <summary>The reason of a BigQuery error body, or null when the body is not one.</summary>
    public static string? ReasonOf(string body) =>
        TryParse(body)?.Errors?.FirstOrDefault(e => !string.IsNullOrEmpty(e.Reason))?.Reason;

    public static FailureClass Classify(int status, string reason) => reason switch
    {
        "accessDenied" or "forbidden" or "authError" or "unauthorized" or "required" => FailureClass.PermissionDenied,
        "quotaExceeded" or "rateLimitExceeded" or "bytesBilledLimitExceeded" or "billingTierLimitExceeded"
            or "jobRateLimitExceeded" or "resourcesExceeded" => FailureClass.QuotaExceeded,
        "backendError" or "internalError" => FailureClass.TransientNetwork,
        "timeout" or "stopped" => FailureClass.Timeout,
        "invalidQuery" or "invalid" or "notFound" or "duplicate" or "responseTooLarge" => FailureClass.ValidationFailed,
        _ => status switch
        {
            401 or 403 => FailureClass.PermissionDenied,
            400 or 404 or 409 or 412 => FailureClass.ValidationFailed,
            408 => FailureClass.Timeout,
            429 => FailureClass.QuotaExceeded,
            >= 500 => FailureClass.TransientNetwork,
            _ => FailureClass.MalformedResponse,
        },
    };

    public static WorkflowStepException Malformed(string operation, string what) =>
        new(FailureClass.MalformedResponse, $"BigQuery {operation} answered something unusable: {what}.");

    private static ErrorBody? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(body, BigQueryJson.Options)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string message)
    {
        var oneLine = message.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxMessageLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxMessageLength), "…");
    }
}
