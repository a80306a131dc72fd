using Autopilot.Core.Warehouse;
using Autopilot.Core.Warehouse.BigQuery;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;
using Microsoft.Extensions.Time.Testing;
using static Autopilot.Tests.Warehouse.BigQuery.BigQueryTestConnections;

namespace Autopilot.Tests.Warehouse.BigQuery;

public sealed class BigQueryIntrospectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Introspection_pages_through_datasets_and_tables_with_types_counts_bytes_and_partition_columns()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.ListPageLimit = 1;
        using var bigQuery = Connect(fake);

        var schema = await bigQuery.IntrospectAsync(None);

        Assert.Equal(
            ["analytics.events", "analytics.orders", "analytics.users", "staging.raw_events"],
            schema.Tables.Select(t => $"{t.Dataset}.{t.Name}"));
        var (events, orders, users, raw) = (schema.Tables[0], schema.Tables[1], schema.Tables[2], schema.Tables[3]);
        Assert.Equal(
            [
                new WarehouseColumn("event_id", "INT64", false), new WarehouseColumn("user_id", "STRING", false),
                new WarehouseColumn("event_name", "STRING", false), new WarehouseColumn("event_time", "TIMESTAMP", false),
                new WarehouseColumn("revenue", "NUMERIC", true), new WarehouseColumn("duration_s", "FLOAT64", true),
                new WarehouseColumn("is_mobile", "BOOL", true), new WarehouseColumn("event_date", "DATE", false),
                new WarehouseColumn("properties", "JSON", true), new WarehouseColumn("tags", "ARRAY", true),
                new WarehouseColumn("device", "STRUCT", true),
            ],
            events.Columns);
        Assert.Equal(["event_time", "ordered_on", null, BigQueryWarehouse.IngestionTimeColumn], schema.Tables.Select(t => t.PartitionColumn));
        Assert.Equal([260L, 60L, 40L, 5L], schema.Tables.Select(t => t.RowCount));
        using var q = new DuckDbQuery(FakeWarehouseData.Path);
        Assert.Equal(
            q.Scalar<long>("SELECT CAST(8 * count(order_id) + sum(2 + strlen(user_id)) + 16 * count(amount) + 8 * count(ordered_on) AS BIGINT) FROM analytics.orders"),
            orders.Bytes);
        Assert.True(events.Bytes > users.Bytes && raw.Bytes > 0);

        // One item a page: two dataset pages, three table pages for analytics.
        Assert.Equal(2, fake.RequestsTo(FakeRoute.DatasetsList).Count);
        Assert.Equal(4, fake.RequestsTo(FakeRoute.TablesList).Count);
        Assert.Equal(4, fake.RequestsTo(FakeRoute.TablesGet).Count);
    }

    [Fact]
    public async Task Profiles_match_the_DuckDB_warehouse_profiling_the_same_data()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        var clock = new FakeTimeProvider(FakeWarehouseData.DataEnd.AddMinutes(90));
        using var bigQuery = Connect(fake, time: clock);
        var duckDb = new DuckDbWarehouse(FakeWarehouseData.Path, clock);
        var schema = await bigQuery.IntrospectAsync(None);

        foreach (var table in schema.Tables.Where(t => t.Dataset == "analytics"))
        {
            foreach (var sampling in new[] { false, true })
            {
                var options = new ProfileOptions(sampling);
                var expected = await duckDb.ProfileTableAsync(table, options, None);
                var actual = await bigQuery.ProfileTableAsync(table, options, None);

                Assert.Equal(expected.RowCount, actual.RowCount);
                Assert.Equal(expected.TimeColumn, actual.TimeColumn);
                Assert.Equal(expected.LatestAt, actual.LatestAt);
                Assert.Equal(expected.FreshnessHours, actual.FreshnessHours);
                Assert.Equal(expected.MissingDays, actual.MissingDays);
                if (!sampling)
                {
                    Assert.Equal(expected.Columns, actual.Columns);
                    continue;
                }

                // Approximate counts hash what they count: DuckDB hashes a STRUCT or list itself, the BigQuery SQL its
                // JSON text, so those two estimates may differ a little; all else is equal.
                Assert.Equal(expected.Columns.Count, actual.Columns.Count);
                foreach (var (e, a) in expected.Columns.Zip(actual.Columns))
                {
                    if (e.DataType is "STRUCT" or "ARRAY" or "JSON")
                    {
                        Assert.Equal(e with { DistinctCount = 0 }, a with { DistinctCount = 0 });
                        Assert.InRange(a.DistinctCount, e.DistinctCount * 0.7, e.DistinctCount * 1.5);
                    }
                    else
                    {
                        Assert.Equal(e, a);
                    }
                }
            }
        }

        var events = await bigQuery.ProfileTableAsync(schema.Tables[0], new ProfileOptions(false), None);
        Assert.Equal([FakeWarehouseData.MissingEventDay], events.MissingDays);
        Assert.Equal("event_time", events.TimeColumn);
        Assert.Equal(("1", "260"), (events.Columns[0].Min, events.Columns[0].Max));
        Assert.Null(events.Columns.Single(c => c.Name == "user_id").Min);
        var users = await bigQuery.ProfileTableAsync(schema.Tables[2], new ProfileOptions(false), None);
        Assert.Equal(new PiiValueMatch("email", 35, 35), users.Columns.Single(c => c.Name == "email").ValueMatch);
        Assert.Equal("phone", users.Columns.Single(c => c.Name == "phone").ValueMatch?.PiiType);
        Assert.Null(users.TimeColumn);
    }

    [Fact]
    public async Task Profiling_skips_a_column_dropped_since_introspection_and_refuses_a_missing_table()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);
        var orders = (await bigQuery.IntrospectAsync(None)).Tables.Single(t => t.Name == "orders");
        var stale = orders with { Columns = [.. orders.Columns, new WarehouseColumn("dropped", "STRING", true)] };

        var profile = await bigQuery.ProfileTableAsync(stale, new ProfileOptions(false), None);

        Assert.Equal(orders.Columns.Select(c => c.Name), profile.Columns.Select(c => c.Name));
        Assert.Equal("ordered_on", profile.TimeColumn);
        await FailsWith(FailureClass.ValidationFailed,
            () => bigQuery.ProfileTableAsync(orders with { Name = "nope" }, new ProfileOptions(false), None));
    }
}
