using System.Globalization;
using System.Net;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// The retry pipeline of every BigQuery call: exponential backoff with jitter (and <c>Retry-After</c>) for 5xx, 408, 429,
/// <c>rateLimitExceeded</c> (which BigQuery sends as 403), network failures, a token endpoint's 5xx and an attempt that
/// timed out. Never for other 4xx: a permission, quota or invalid-query answer will not change on a retry.
/// </summary>
internal static partial class BigQueryResilience
{
    public static ResiliencePipeline<HttpResponseMessage> Create(BigQueryOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = args =>
                {
                    var outcome = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name;
                    LogRetry(logger, args.AttemptNumber + 1, outcome, args.Context.GetRequestMessage()?.RequestUri?.AbsolutePath, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.RequestTimeout }).Build();
    }

    private static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is TokenResponseException token)
        {
            return token.StatusCode is null || (int)token.StatusCode >= 500;
        }

        // The overload taking the token is experimental (EXTEXP0001); the predicate does no I/O to cancel.
#pragma warning disable CA2016
        if (HttpClientResiliencePredicates.IsTransient(outcome))
#pragma warning restore CA2016
        {
            return true;
        }

        if (outcome.Result is { StatusCode: HttpStatusCode.Forbidden } forbidden)
        {
            await forbidden.Content.LoadIntoBufferAsync(ct);
            var body = await forbidden.Content.ReadAsStringAsync(ct);
            return BigQueryErrors.ReasonOf(body) == "rateLimitExceeded";
        }

        return false;
    }

    // Only the status or exception type and the path: never headers, which carry the token.
    [LoggerMessage(Level = LogLevel.Warning, Message = "BigQuery call {Path} failed ({Outcome}); retry {Attempt} in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, string? outcome, string? path, TimeSpan delay);
}
