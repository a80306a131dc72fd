namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// Sends one attempt of a notification over its channel. The seed's test targets keep working (NTF-5):
/// <c>fail://</c> always fails, <c>flaky://</c> fails the first attempt (0) of each notification only.
/// </summary>
public sealed class NotificationSender
{
    private readonly HttpChannelSender _http;
    private readonly EmailChannelSender _email;

    public NotificationSender(HttpChannelSender http, EmailChannelSender email)
    {
        _http = http;
        _email = email;
    }

    /// <param name="credential">The channel's webhook secret or SMTP password, in plaintext, if it has one.</param>
    public Task<DeliveryAttempt> SendAsync(AlertNotification notification, int attempt, string? credential, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return TestTargets.Of(notification.Target) switch
        {
            TestTarget.Fail => Task.FromResult(DeliveryAttempt.Failure("simulated delivery failure")),
            TestTarget.Flaky when attempt == 0 => Task.FromResult(DeliveryAttempt.Failure("simulated transient delivery failure")),
            TestTarget.Flaky => Task.FromResult(DeliveryAttempt.Success),
            _ when notification.ChannelType == ChannelTypes.Email => _email.SendAsync(notification, credential, cancellation),
            _ => _http.SendAsync(notification, credential, cancellation),
        };
    }
}
