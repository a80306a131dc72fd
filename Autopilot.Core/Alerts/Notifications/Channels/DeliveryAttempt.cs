namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>How one send went: sent, or the error to record (never containing a secret, password or target URL).</summary>
public sealed record DeliveryAttempt(bool Sent, string? Error)
{
    public static DeliveryAttempt Success { get; } = new(true, null);

    public static DeliveryAttempt Failure(string error) => new(false, error);
}
