using System.Security.Cryptography;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Alerts.Notifications.Routing;
using Autopilot.Core.Connectors;
using Microsoft.Extensions.Logging;

namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>
/// One attempt of one notification, exclusive and recorded: the attempt number is claimed on the row by an
/// ETag-conditioned update before anything is sent, so the engine's scheduled retry and the explicit retry route never
/// both send one attempt, and a notification already sent is never sent again. A claim whose owner died (kill -9
/// mid-send) is taken over by the same owner at once (the engine re-running its activity) or by anyone after
/// <see cref="ClaimLease"/>; the receiver then sees the same <c>Idempotency-Key</c> again and can drop the repeat.
/// </summary>
public sealed class NotificationDelivery
{
    /// <summary>How long a started attempt belongs to its claimer: the send timeout with ample room for storage.</summary>
    public static readonly TimeSpan ClaimLease = HttpChannelSender.Timeout * 4;

    /// <summary>How soon to look again at an attempt someone else is sending.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    private const int MaxRaces = 8;
    private readonly AlertNotificationStore _store;
    private readonly NotificationSender _sender;
    private readonly CredentialProtector _protector;
    private readonly ServiceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDelivery> _log;

    public NotificationDelivery(AlertNotificationStore store, NotificationSender sender, CredentialProtector protector, ServiceOptions options, TimeProvider time, ILogger<NotificationDelivery> log)
    {
        _store = store;
        _sender = sender;
        _protector = protector;
        _options = options;
        _time = time;
        _log = log;
    }

    /// <summary>Makes attempt <paramref name="attempt"/> (0 = first delivery) as <paramref name="owner"/>, unless it is finished or another owner holds it.</summary>
    public async Task<DeliveryOutcome> AttemptAsync(string tenantId, string notificationId, int attempt, string owner, CancellationToken cancellation)
    {
        for (var race = 1; ; race++)
        {
            if (await _store.GetAsync(tenantId, notificationId, cancellation) is not var (row, etag))
            {
                return new DeliveryOutcome(notificationId, "missing", Done: true, attempt, null, Attempted: false);
            }

            var now = _time.GetUtcNow();
            if (row.Finished(attempt) || attempt > NotificationBackoff.MaxRetries || row.AttemptsFinished < attempt)
            {
                return Standing(row, now);
            }

            var heldByOther = row.ClaimedAttempt > attempt
                || (row.ClaimedAttempt == attempt && row.ClaimOwner != owner && now - row.ClaimedAt < ClaimLease);
            if (heldByOther)
            {
                return new DeliveryOutcome(notificationId, row.Status, Done: false, Math.Max(attempt, row.ClaimedAttempt), now + Recheck, Attempted: false);
            }

            var claimed = row with { ClaimedAttempt = attempt, ClaimOwner = owner, ClaimedAt = now };
            var (won, claimEtag) = await _store.TryReplaceAsync(claimed, etag, cancellation);
            if (!won)
            {
                if (race < MaxRaces)
                {
                    continue;
                }

                return new DeliveryOutcome(notificationId, row.Status, Done: false, attempt, now + Recheck, Attempted: false);
            }

            var result = await SendAsync(claimed, attempt, cancellation);
            var at = _time.GetUtcNow();
            var recorded = result.Sent
                ? claimed with { Status = NotificationStatuses.Sent, SentAt = at, RetryCount = attempt, NextRetryAt = null, LastError = null, AttemptsFinished = attempt + 1 }
                : claimed with
                {
                    Status = NotificationStatuses.Failed,
                    RetryCount = attempt,
                    NextRetryAt = NotificationBackoff.NextRetryAt(attempt, at, _options.AlertMinute),
                    LastError = result.Error,
                    AttemptsFinished = attempt + 1,
                };
            if ((await _store.TryReplaceAsync(recorded, claimEtag, cancellation)).Replaced)
            {
                return Standing(recorded, at) with { Attempted = true };
            }

            // Our claim lapsed and another owner took the attempt over: its record stands.
            var current = await _store.GetAsync(tenantId, notificationId, cancellation);
            return current is { } c ? Standing(c.Notification, at) with { Attempted = true } : new DeliveryOutcome(notificationId, "missing", true, attempt, null, true);
        }
    }

    /// <summary>What the row says to do next.</summary>
    public static DeliveryOutcome Standing(AlertNotification row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row switch
        {
            { Status: NotificationStatuses.Sent } => new(row.NotificationId, row.Status, true, row.AttemptsFinished, null, false),
            { Status: NotificationStatuses.Failed, NextRetryAt: null } => new(row.NotificationId, row.Status, true, row.AttemptsFinished, null, false),
            { Status: NotificationStatuses.Failed } => new(row.NotificationId, row.Status, false, row.AttemptsFinished, row.NextRetryAt, false),
            _ => new(row.NotificationId, row.Status, false, row.AttemptsFinished, now + Recheck, false),
        };
    }

    private async Task<DeliveryAttempt> SendAsync(AlertNotification notification, int attempt, CancellationToken cancellation)
    {
        string? credential = null;
        if (notification.ProtectedCredential is { } protectedCredential)
        {
            try
            {
                credential = _protector.Unprotect(protectedCredential, notification.TenantId, RoutingStore.CredentialScope(notification.ChannelId));
            }
            catch (Exception ex) when (ex is CryptographicException or CredentialKeyNotConfiguredException)
            {
                return DeliveryAttempt.Failure("the channel's stored credential cannot be read (key rotated away?)");
            }
        }

        var result = await _sender.SendAsync(notification, attempt, credential, cancellation);
        if (_log.IsEnabled(LogLevel.Information))
        {
            _log.LogInformation("Notification {NotificationId} attempt {Attempt} over {ChannelType}: {Outcome}", notification.NotificationId, attempt, notification.ChannelType, result.Sent ? "sent" : result.Error);
        }
        return result;
    }
}
