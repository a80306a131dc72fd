using System.Globalization;
using Autopilot.Core.Sql;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Queries;

/// <summary>Settings of the query path: the gate's limits, execution bounds and how long a preview stays approvable.</summary>
public sealed record QueryOptions
{
    public SqlGateOptions Gate { get; init; } = SqlGateOptions.Default;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan PreviewTtl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The most a stored approve-run result may take, gzip-compressed (a Table entity holds 1 MB); rows past it are left
    /// out and the result says <c>truncated</c>.
    /// </summary>
    public int MaxStoredResultBytes { get; init; } = QueryPreviewStore.MaxResultBytes;

    /// <summary>
    /// Reads DEFAULT_QUERY_LIMIT, MAX_QUERY_LIMIT, QUERY_TIMEOUT_SECONDS, PREVIEW_TTL_SECONDS, TIME_FILTER_WINDOW_DAYS and
    /// QUERY_RESULT_MAX_STORED_BYTES.
    /// </summary>
    public static QueryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaultLimit = Int(configuration, "DEFAULT_QUERY_LIMIT", 10_000, 1, 1_000_000);
        return new QueryOptions
        {
            Gate = SqlGateOptions.Default with
            {
                DefaultLimit = defaultLimit,
                MaxLimit = Int(configuration, "MAX_QUERY_LIMIT", defaultLimit, 1, 1_000_000),
                DefaultTimeWindowDays = Int(configuration, "TIME_FILTER_WINDOW_DAYS", 30, 1, 3650),
            },
            Timeout = TimeSpan.FromSeconds(Int(configuration, "QUERY_TIMEOUT_SECONDS", 120, 1, 3600)),
            PreviewTtl = TimeSpan.FromSeconds(Int(configuration, "PREVIEW_TTL_SECONDS", 24 * 3600, 1, 3600 * 24 * 30)),
            MaxStoredResultBytes = Int(configuration, "QUERY_RESULT_MAX_STORED_BYTES", QueryPreviewStore.MaxResultBytes, 256, QueryPreviewStore.MaxResultBytes),
        };
    }

    private static int Int(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{key} must be a whole number from {min} to {max}; got '{raw}'.");
    }
}
