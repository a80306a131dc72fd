using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autopilot.Core.Channels.Outbound;

/// <summary>The one way both channel clients call their API: JSON in, JSON <c>ok</c> out, <see cref="Timeout"/>, no redirects.</summary>
internal static class ChannelHttp
{
    public const string ClientName = "chat-channels";

    /// <summary>CHAN-10's timeout per call.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Posts <paramref name="body"/>; returns the answer's JSON object (null when the answer is not JSON, e.g. a response_url's <c>ok</c>).</summary>
    public static async Task<JsonObject?> PostAsync(HttpClient http, Uri url, JsonObject body, string? bearer, string what, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new ChannelPostException($"{what} answered HTTP {(int)response.StatusCode}");
            }

            try
            {
                return JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new ChannelPostException($"{what} did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            // The exception's text may quote the URL, and Telegram's URL holds the bot token: name the failure class only.
            throw new ChannelPostException($"{what} request failed: {ex.HttpRequestError}");
        }
    }
}
