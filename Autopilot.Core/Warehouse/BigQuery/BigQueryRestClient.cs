using System.Net.Http.Headers;
using System.Text.Json;
using Autopilot.Core.Warehouse.BigQuery.Wire;
using Autopilot.Core.Workflows;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// BigQuery's REST API v2 for one project over <see cref="HttpClient"/>: retry pipeline → bearer token → HTTP. Every
/// failure leaves as a classed <see cref="WorkflowStepException"/>, except cancellation, which stays an
/// <see cref="OperationCanceledException"/> so callers can tell their own cancellation from a deadline.
/// </summary>
internal sealed class BigQueryRestClient : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly string _projectPath;
    private readonly BigQueryOptions _options;

    public BigQueryRestClient(BigQueryOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? primaryHandler)
    {
        _options = options;
        HttpMessageHandler handler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.ServiceAccountJson is { } json)
        {
            var credential = new Lazy<ServiceAccountCredential>(
                () => BigQueryCredentials.Create(json, options.TokenEndpoint, time), LazyThreadSafetyMode.ExecutionAndPublication);
            handler = new BigQueryAuthHandler(credential) { InnerHandler = handler };
        }

        handler = new ResilienceHandler(BigQueryResilience.Create(options, time, logger)) { InnerHandler = handler };
        // Deadlines come from the pipeline (per attempt) and the callers' tokens (per call), not HttpClient.Timeout.
        _http = new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _projectPath = $"bigquery/v2/projects/{Uri.EscapeDataString(options.ProjectId)}/";
    }

    public Task<T> GetAsync<T>(string path, string operation, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, operation, ct);

    public Task<T> PostAsync<T>(string path, object body, string operation, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Post, path, body, operation, ct);

    /// <summary>Sends without reading the answer's body; failures are classed as usual.</summary>
    public async Task PostAsync(string path, string operation, CancellationToken ct)
    {
        using var response = await SendRawAsync(HttpMethod.Post, path, body: null, operation, ct);
        await ThrowIfFailedAsync(response, operation, ct);
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string operation, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, body, operation, ct);
        await ThrowIfFailedAsync(response, operation, ct);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonSerializer.DeserializeAsync<T>(stream, BigQueryJson.Options, ct)
                ?? throw BigQueryErrors.Malformed(operation, "an empty JSON body");
        }
        catch (JsonException e)
        {
            throw BigQueryErrors.Malformed(operation, $"invalid JSON ({e.Path ?? "at the root"}, line {e.LineNumber})");
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            throw new WorkflowStepException(FailureClass.TransientNetwork, $"BigQuery {operation}: the connection broke while reading the answer.");
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, string operation, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, _projectPath + path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BigQueryJson.Options));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (!ct.IsCancellationRequested)
        {
            var cause = e.HttpRequestError == HttpRequestError.Unknown ? "network failure" : e.HttpRequestError.ToString();
            throw new WorkflowStepException(FailureClass.TransientNetwork, $"BigQuery {operation}: the service could not be reached ({cause}).");
        }
        catch (TimeoutRejectedException)
        {
            throw new WorkflowStepException(FailureClass.Timeout, $"BigQuery {operation}: no answer within {_options.RequestTimeout}.");
        }
        catch (TokenResponseException e)
        {
            // The token endpoint's error code only (e.g. invalid_grant): its description could echo the request.
            var code = new string((e.Error?.Error ?? "unknown").Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(40).ToArray());
            var failure = e.StatusCode is { } status && (int)status >= 500 ? FailureClass.TransientNetwork : FailureClass.PermissionDenied;
            throw new WorkflowStepException(failure, $"BigQuery {operation}: the service-account token was refused ({code}).");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException && !ct.IsCancellationRequested)
        {
            throw new WorkflowStepException(FailureClass.Timeout, $"BigQuery {operation}: the HTTP call timed out.");
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string operation, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !ct.IsCancellationRequested)
        {
            body = "";
        }

        throw BigQueryErrors.FromResponse(operation, (int)response.StatusCode, body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body);
    }
}
