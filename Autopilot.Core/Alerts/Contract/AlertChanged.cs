namespace Autopilot.Core.Alerts.Contract;

/// <summary>Body of ack, snooze and resolve. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record AlertChanged(string AlertId, string Status)
{
    public string? AcknowledgedBy { get; init; }

    public string? SnoozedUntil { get; init; }

    public string? SnoozedBy { get; init; }
}
