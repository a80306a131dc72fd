using Autopilot.Core.Warehouse;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Warehouse.BigQuery;

/// <summary>The fake's events read straight from DuckDB, to check the connector's decoded rows against.</summary>
internal sealed record EventRows(
    long Id, string User, DateTimeOffset Time, decimal? Revenue, double? Duration, bool? Mobile, DateOnly Date,
    string? Properties, IReadOnlyList<string> Tags, string? Os, long? Version)
{
    public static List<EventRows> Read()
    {
        using var connection = DemoWarehouse.OpenReadOnly(FakeWarehouseData.Path);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT event_id, user_id, epoch_us(event_time), revenue, duration_s, is_mobile, CAST(event_date AS VARCHAR),
                   CAST(properties AS VARCHAR), coalesce(tags, []), device.os, device.version
            FROM analytics.events ORDER BY event_id
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<EventRows>();
        while (reader.Read())
        {
            rows.Add(new EventRows(
                reader.GetInt64(0),
                reader.GetString(1),
                DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(2) * TimeSpan.TicksPerMicrosecond),
                reader.IsDBNull(3) ? null : reader.GetDecimal(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetBoolean(5),
                DateOnly.Parse(reader.GetString(6), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<List<string>>(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetInt32(10)));
        }

        return rows;
    }
}
