using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Autopilot.Core.Channels.Verification;

namespace Autopilot.Tests.Channels;

/// <summary>Requests as Slack and Telegram send them: signed form posts and event JSON, Telegram updates with the secret header.</summary>
internal static class SlackRequests
{
    public static byte[] Form(params (string Name, string Value)[] fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value))));

    /// <summary>A request signed with <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public static HttpRequestMessage Signed(string path, byte[] body, string mediaType, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? TimeProvider.System.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, body));
        return request;
    }

    /// <summary>A copy of a request with the same headers and body (an identical replay).</summary>
    public static async Task<HttpRequestMessage> CopyAsync(HttpRequestMessage original)
    {
        var body = await original.Content!.ReadAsByteArrayAsync();
        var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Content = new ByteArrayContent(body) };
        copy.Content.Headers.ContentType = original.Content.Headers.ContentType;
        foreach (var (name, values) in original.Headers)
        {
            copy.Headers.Add(name, values);
        }

        return copy;
    }

    public static HttpRequestMessage Telegram(string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "integrations/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramSecret.Header, secret);
        }

        return request;
    }
}
