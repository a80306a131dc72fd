using Autopilot.Core.Api;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Admission;

/// <summary>
/// Bounded optimistic-concurrency retries for the admission rows: a lost ETag race re-reads and decides again, at
/// most <see cref="MaxTries"/> times with exponential backoff and full jitter (so replicas that collided do not
/// collide again in lockstep); then the tenant is too busy right now and the caller gets a 409 saying so.
/// </summary>
public static class AdmissionRetry
{
    public const int MaxTries = 8;

    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(640);

    public static async Task<T> RunAsync<T>(string tenantId, Func<int, Task<T>> attempt, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var round = 0; ; round++)
        {
            try
            {
                return await attempt(round);
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                if (round + 1 >= MaxTries)
                {
                    throw new ApiException(StatusCodes.Status409Conflict,
                        $"admission for org {tenantId} is busy: {MaxTries} concurrent updates in a row won the race; try again");
                }

                await Task.Delay(DelayBefore(round + 1), cancellation);
            }
        }
    }

    /// <summary>The wait before try <paramref name="round"/> (1-based after the first): uniform in [0, min(max, base·2^(round−1))].</summary>
    public static TimeSpan DelayBefore(int round)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, round - 1)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }

    internal static bool IsConflict(Exception ex) => ex switch
    {
        TableTransactionFailedException failed => failed.Status is 409 or 412,
        RequestFailedException failed => failed.Status is 409 or 412,
        _ => false,
    };
}
