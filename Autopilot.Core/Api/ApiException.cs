namespace Autopilot.Core.Api;

/// <summary>A deliberate HTTP error: answered as <c>{"detail": ...}</c> and audited as <c>http_exception</c> (spec §0.4).</summary>
public sealed class ApiException : Exception
{
    public ApiException(int status, string detail) : base(detail)
    {
        Status = status;
        Detail = detail;
    }

    public ApiException()
    {
        Detail = string.Empty;
    }

    public ApiException(string message) : base(message)
    {
        Detail = message;
    }

    public ApiException(string message, Exception innerException) : base(message, innerException)
    {
        Detail = message;
    }

    public int Status { get; }

    public string Detail { get; }

    /// <summary>A structured <c>detail</c> to answer instead of <see cref="Detail"/> (the purge 409, ERR-1); audited as <see cref="Detail"/>.</summary>
    public object? StructuredDetail { get; init; }
}
