using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// Sends a notification as a plain-text e-mail over SMTP (MailKit): <c>smtps://</c> is TLS from the start, <c>smtp://</c>
/// upgrades with STARTTLS when offered; it authenticates when the target names a user. The recipient, when it is an
/// address, gets the mail; otherwise the target's <c>to</c>. Errors never quote the password or the server's reply text.
/// </summary>
public sealed class EmailChannelSender
{
    private readonly TimeProvider _time;
    private readonly TargetAddressGuard _guard;

    public EmailChannelSender(TimeProvider time, TargetAddressGuard guard)
    {
        _time = time;
        _guard = guard;
    }

    public async Task<DeliveryAttempt> SendAsync(AlertNotification notification, string? password, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var uri = new Uri(notification.Target);
        var query = QueryHelpers.ParseQuery(uri.Query);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(query["from"].ToString()));
        message.To.Add(notification.Recipient is { } r && MailboxAddress.TryParse(r, out var person) && r.Contains('@', StringComparison.Ordinal)
            ? person
            : MailboxAddress.Parse(query["to"].ToString()));
        var (subject, text) = ChannelMessages.Email(notification);
        message.Subject = subject;
        message.MessageId = $"{notification.NotificationId}@autopilot";
        message.Date = _time.GetUtcNow();
        message.Headers.Add(WebhookSignature.IdempotencyHeader, notification.NotificationId);
        message.Body = new TextPart("plain") { Text = text };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(HttpChannelSender.Timeout);
        using var client = new SmtpClient { Timeout = (int)HttpChannelSender.Timeout.TotalMilliseconds };
        try
        {
            var secure = uri.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
            var port = uri.IsDefaultPort || uri.Port <= 0 ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
            var socket = await _guard.ConnectAsync(uri.Host, port, timeout.Token);
            await client.ConnectAsync(socket, uri.Host, port, secure, timeout.Token);
            var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
            if (user.Length > 0)
            {
                await client.AuthenticateAsync(user, password ?? string.Empty, timeout.Token);
            }

            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(true, timeout.Token);
            return DeliveryAttempt.Success;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return DeliveryAttempt.Failure($"SMTP server did not answer within {HttpChannelSender.Timeout.TotalSeconds:0} s");
        }
        catch (TargetRefusedException)
        {
            return DeliveryAttempt.Failure(TargetAddressGuard.RefusedMessage);
        }
        catch (AuthenticationException)
        {
            return DeliveryAttempt.Failure("SMTP authentication failed");
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryAttempt.Failure($"SMTP server refused the message ({(int)ex.StatusCode})");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException or System.Net.Sockets.SocketException or IOException or SslHandshakeException)
        {
            return DeliveryAttempt.Failure($"SMTP delivery failed: {ex.GetType().Name}");
        }
    }
}
