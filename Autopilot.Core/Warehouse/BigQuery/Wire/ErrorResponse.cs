namespace Autopilot.Core.Warehouse.BigQuery.Wire;

/// <summary>BigQuery's error body: <c>{"error":{"code":403,"message":…,"errors":[{"reason":"accessDenied",…}],"status":…}}</c>.</summary>
internal sealed record ErrorResponse(ErrorBody? Error);

internal sealed record ErrorBody(int? Code, string? Message, IReadOnlyList<ErrorProto>? Errors, string? Status);

internal sealed record ErrorProto(string? Reason, string? Message, string? Location);
