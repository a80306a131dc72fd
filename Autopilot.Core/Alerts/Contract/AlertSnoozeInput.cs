namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of POST /alerts/{alert_id}/snooze. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertSnoozeInput(string UserId)
{
    public int? DurationMinutes { get; init; }

    public string? Reason { get; init; }
}
