namespace Autopilot.Core.Queries;

/// <summary>
/// How an approved query run ended: <c>executed</c> (its result is stored with the preview, not here, to keep the
/// orchestration history small), <c>blocked</c> (with reasons; <c>WarehouseRejected</c> when the warehouse no longer
/// knows a name the query uses) or <c>failed</c> (with the failure class and a sanitized error).
/// </summary>
public sealed record QueryRunOutcome(string Status, IReadOnlyList<string> Reasons, bool WarehouseRejected, string? FailureClass, string? Error)
{
    public const string ExecutedStatus = "executed";
    public const string BlockedStatus = "blocked";
    public const string FailedStatus = "failed";

    public static QueryRunOutcome Executed { get; } = new(ExecutedStatus, [], false, null, null);

    public static QueryRunOutcome Blocked(IReadOnlyList<string> reasons, bool warehouseRejected) => new(BlockedStatus, reasons, warehouseRejected, null, null);

    public static QueryRunOutcome Failed(string failureClass, string error) => new(FailedStatus, [], false, failureClass, error);
}
