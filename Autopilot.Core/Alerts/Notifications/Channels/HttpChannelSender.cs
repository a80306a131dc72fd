using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// Posts a notification to a webhook, Slack or Teams URL: 2xx = sent; anything else, a timeout
/// (<see cref="Timeout"/>) or a connection failure = failed. Every request carries the idempotency key and a timestamp;
/// a webhook's is signed. Errors name the status or failure class only — the URL itself may be a credential
/// (Slack and Teams webhook URLs are).
/// </summary>
public sealed class HttpChannelSender
{
    public const string ClientName = "alert-notifications";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;

    public HttpChannelSender(IHttpClientFactory clients, TimeProvider time)
    {
        _clients = clients;
        _time = time;
    }

    public async Task<DeliveryAttempt> SendAsync(AlertNotification notification, string? secret, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        JsonObject body = notification.ChannelType switch
        {
            ChannelTypes.Slack => ChannelMessages.Slack(notification),
            ChannelTypes.Teams => ChannelMessages.Teams(notification),
            _ => ChannelMessages.Webhook(notification),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, notification.Target) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdempotencyHeader, notification.NotificationId);
        request.Headers.Add(WebhookSignature.TimestampHeader, _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(secret, bytes));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await _clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode
                ? DeliveryAttempt.Success
                : DeliveryAttempt.Failure($"receiver answered HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return DeliveryAttempt.Failure($"receiver did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is TargetRefusedException)
        {
            return DeliveryAttempt.Failure(TargetAddressGuard.RefusedMessage);
        }
        catch (HttpRequestException ex)
        {
            // The exception's message may quote the host and path; record only the failure class.
            return DeliveryAttempt.Failure(ex.HttpRequestError == HttpRequestError.Unknown ? "request failed" : $"request failed: {ex.HttpRequestError}");
        }
    }
}
