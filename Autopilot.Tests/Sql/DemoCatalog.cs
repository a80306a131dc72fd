using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

/// <summary>
/// The gate's view of the demo warehouse: events and orders partitioned by their time columns, users with a time column
/// but no partitioning and below the large-table size, config without one.
/// </summary>
internal static class DemoCatalog
{
    public static IReadOnlyDictionary<string, SqlTablePolicy> Tables { get; } = new Dictionary<string, SqlTablePolicy>
    {
        ["analytics.events"] = new("timestamp", 1_100_000, 120_000_000),
        ["analytics.orders"] = new("created_at", 190_000, 12_000_000),
        ["analytics.users"] = new("created_at", 50_000, 6_000_000, Partitioned: false),
        ["analytics.config"] = new(null, 25, 1_000),
    };

    public static SqlGateContext Context { get; } = new(SqlGateOptions.Default, Tables);

    public static SqlGateContext With(SqlGateOptions options) => new(options, Tables);
}
