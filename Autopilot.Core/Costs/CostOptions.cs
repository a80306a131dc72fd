using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Costs;

/// <summary>Byte budgets and price of the cost gate (COST-2, QRY-4..6, DRY-3).</summary>
public sealed record CostOptions
{
    public const long GiB = 1L << 30;

    /// <summary>Bytes an org may process per rolling hour (ORG_HOURLY_BUDGET_BYTES).</summary>
    public long HourlyBudgetBytes { get; init; } = 50 * GiB;

    /// <summary>Above this a query needs approval (PER_QUERY_MAX_BYTES).</summary>
    public long PerQueryMaxBytes { get; init; } = 10 * GiB;

    /// <summary>Above this a query is refused even with approval (PER_QUERY_MAX_BYTES_WITH_APPROVAL).</summary>
    public long PerQueryMaxBytesWithApproval { get; init; } = 100 * GiB;

    /// <summary>Price per TiB processed, for estimated cost in USD.</summary>
    public double UsdPerTiB { get; init; } = 5.0;

    /// <summary>The rolling window (COST-1: 3600 s).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>Reads the byte limits; a bad value throws naming the variable and what it accepts.</summary>
    public static CostOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new CostOptions();
        var options = defaults with
        {
            HourlyBudgetBytes = Bytes(configuration, "ORG_HOURLY_BUDGET_BYTES", defaults.HourlyBudgetBytes),
            PerQueryMaxBytes = Bytes(configuration, "PER_QUERY_MAX_BYTES", defaults.PerQueryMaxBytes),
            PerQueryMaxBytesWithApproval = Bytes(configuration, "PER_QUERY_MAX_BYTES_WITH_APPROVAL", defaults.PerQueryMaxBytesWithApproval),
        };
        if (options.PerQueryMaxBytes > options.PerQueryMaxBytesWithApproval)
        {
            throw new InvalidOperationException(
                $"PER_QUERY_MAX_BYTES ({options.PerQueryMaxBytes}) must not exceed PER_QUERY_MAX_BYTES_WITH_APPROVAL ({options.PerQueryMaxBytesWithApproval}): the first is the approval threshold, the second the hard cap.");
        }

        return options;
    }

    private static long Bytes(IConfiguration configuration, string key, long fallback)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        // Lua sums bytes as doubles: keep every figure exactly representable (2^53).
        const long max = 1L << 53;
        if (long.TryParse(raw.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= max)
        {
            return value;
        }

        throw new InvalidOperationException($"{key} must be a whole number of bytes from 1 to {max}; got '{raw}'.");
    }
}
