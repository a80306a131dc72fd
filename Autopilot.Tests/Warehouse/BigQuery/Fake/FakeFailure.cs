namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// A failure the fake answers with instead of (or, for <see cref="Slow"/>, before) the real answer: an error in
/// BigQuery's body format (or OAuth's, on the token route), a body that is not JSON, a delay, or a dropped connection.
/// </summary>
internal sealed record FakeFailure(FakeFailure.Kinds Kind, int Status = 0, string Reason = "", string Message = "", TimeSpan Delay = default)
{
    internal enum Kinds
    {
        Error,
        Malformed,
        Slow,
        Drop,
    }

    public static FakeFailure Error(int status, string reason, string message) => new(Kinds.Error, status, reason, message);

    public static FakeFailure AccessDenied { get; } =
        Error(403, "accessDenied", "Access Denied: Project autopilot-test: User does not have bigquery.jobs.create permission in project autopilot-test.");

    public static FakeFailure QuotaExceeded { get; } =
        Error(403, "quotaExceeded", "Quota exceeded: Your project exceeded quota for free query bytes scanned.");

    public static FakeFailure RateLimited { get; } =
        Error(429, "rateLimitExceeded", "Exceeded rate limits: too many api requests per user per method for this user_method.");

    public static FakeFailure RateLimited403 { get; } =
        Error(403, "rateLimitExceeded", "Exceeded rate limits: too many concurrent queries for this project_and_region.");

    public static FakeFailure BackendError { get; } =
        Error(500, "backendError", "An internal error occurred and the request could not be completed.");

    public static FakeFailure Malformed { get; } = new(Kinds.Malformed);

    public static FakeFailure Drop { get; } = new(Kinds.Drop);

    public static FakeFailure Slow(TimeSpan delay) => new(Kinds.Slow, Delay: delay);
}
