using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;

namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>One attempt per call, bounded by <see cref="MetabaseOptions.CallTimeout"/>, failures classed.</summary>
public sealed partial class MetabaseClient
{
    private const int MaxErrorBodyChars = 16 * 1024;

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, JsonNode? body, string operation, CancellationToken ct, bool missingIsNull = false)
        where T : JsonNode
    {
        using var request = new HttpRequestMessage(method, new Uri(_options.BaseAddress, path));
        request.Headers.Add(ApiKeyHeader, _options.ApiKey);
        if (body is not null)
        {
            // Buffered with a Content-Length: some gateways in front of Metabase refuse chunked bodies.
            request.Content = new StringContent(body.ToJsonString(AutopilotJson.Options), Encoding.UTF8, "application/json");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.CallTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (missingIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw MetabaseErrors.FromResponse(operation, (int)response.StatusCode, text.Length > MaxErrorBodyChars ? text[..MaxErrorBodyChars] : text);
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text) as T ?? throw MetabaseErrors.Malformed(operation, "a JSON value of an unexpected shape");
            }
            catch (JsonException)
            {
                throw MetabaseErrors.Malformed(operation, "not JSON");
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw MetabaseErrors.Timeout(operation, _options.CallTimeout);
        }
        catch (HttpRequestException error)
        {
            throw MetabaseErrors.Unreachable(operation, error);
        }
    }
}
