using System.Text.Json.Serialization;
using Autopilot.Core.Alerts.Notifications.Channels;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// One message to one (channel, recipient) about one alert event (NTF-4), as stored. <see cref="Target"/> never holds a
/// password; <see cref="ProtectedCredential"/> is the channel's protected secret or SMTP password, copied at fan-out so a
/// retry still reaches the channel after the routing changed. The claim fields make attempts exclusive:
/// <see cref="ClaimedAttempt"/> is the attempt (0 = first delivery, 1..3 = retries) someone has started, by
/// <see cref="ClaimOwner"/>; <see cref="AttemptsFinished"/> counts attempts whose outcome is recorded.
/// </summary>
public sealed record AlertNotification(
    string NotificationId,
    string TenantId,
    string AlertId,
    string Severity,
    string EventType,
    string EventKey,
    string ChannelId,
    string ChannelType,
    string Target,
    string? Recipient,
    NotificationPayload Payload,
    string Status,
    int RetryCount,
    DateTimeOffset? NextRetryAt,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt,
    string? ProtectedCredential,
    int ClaimedAttempt = -1,
    string? ClaimOwner = null,
    DateTimeOffset? ClaimedAt = null,
    int AttemptsFinished = 0)
{
    /// <summary>The target as shown: an SMTP password masked.</summary>
    [JsonIgnore]
    public string DisplayTarget => ChannelTarget.Display(Target, ChannelType == ChannelTypes.Email && ProtectedCredential is not null);

    /// <summary>Whether attempt <paramref name="attempt"/> has a recorded outcome.</summary>
    public bool Finished(int attempt) => Status == NotificationStatuses.Sent || AttemptsFinished > attempt;
}
