using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Warehouse;

[Collection(DemoWarehouseCollection.Name)]
public sealed class DuckDbWarehouseTests
{
    private readonly DemoWarehouseFixture _demo;

    public DuckDbWarehouseTests(DemoWarehouseFixture demo) => _demo = demo;

    [Fact]
    public async Task Introspection_lists_the_analytics_tables_with_BigQuery_types_exact_row_counts_and_partition_columns()
    {
        var schema = await _demo.CreateWarehouse().IntrospectAsync(CancellationToken.None);

        Assert.Equal(["config", "events", "orders", "users"], schema.Tables.Select(t => t.Name));
        Assert.All(schema.Tables, t => Assert.Equal("analytics", t.Dataset));
        var (config, events, orders, users) = (schema.Tables[0], schema.Tables[1], schema.Tables[2], schema.Tables[3]);
        Assert.Equal(
            [
                new WarehouseColumn("user_id", "STRING", false),
                new WarehouseColumn("email", "STRING", true),
                new WarehouseColumn("created_at", "TIMESTAMP", false),
                new WarehouseColumn("channel", "STRING", false),
                new WarehouseColumn("country", "STRING", false),
                new WarehouseColumn("contact_number", "STRING", true),
                new WarehouseColumn("email_opt_in", "BOOL", false),
            ],
            users.Columns);
        Assert.Equal("JSON", events.Columns.Single(c => c.Name == "properties").DataType);
        Assert.Equal("FLOAT64", orders.Columns.Single(c => c.Name == "amount").DataType);
        Assert.Equal([null, "timestamp", "created_at", "created_at"], schema.Tables.Select(t => t.PartitionColumn));

        using var q = new DuckDbQuery(_demo.Path);
        foreach (var table in schema.Tables)
        {
            Assert.Equal(q.Scalar<long>($"SELECT count(*) FROM analytics.{table.Name}"), table.RowCount);
        }

        // Logical bytes: the events' strings and JSON outweigh everything else; config is tiny.
        Assert.True(events.Bytes > orders.Bytes && orders.Bytes > users.Bytes);
        Assert.InRange(config.Bytes, 500, 4_000);
        Assert.Equal(
            q.Scalar<long>("SELECT CAST(sum(2 + strlen(key)) + sum(2 + strlen(value)) AS BIGINT) FROM analytics.config"),
            config.Bytes);
    }

    [Fact]
    public async Task Profiled_null_percentages_and_distinct_counts_equal_direct_sql()
    {
        var warehouse = _demo.CreateWarehouse();
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        using var q = new DuckDbQuery(_demo.Path);

        foreach (var table in schema.Tables)
        {
            var profile = await warehouse.ProfileTableAsync(table, new ProfileOptions(Sampling: false), CancellationToken.None);
            Assert.Equal(table.RowCount, profile.RowCount);
            Assert.Equal(table.Columns.Select(c => c.Name), profile.Columns.Select(c => c.Name));
            foreach (var column in profile.Columns)
            {
                var from = $"analytics.\"{table.Name}\"";
                var quoted = $"\"{column.Name}\"";
                var nullPct = q.Scalar<double>($"SELECT 100.0 * (count(*) - count({quoted})) / count(*) FROM {from}");
                var distinct = q.Scalar<long>($"SELECT count(DISTINCT {quoted}) FROM {from}");
                Assert.Equal(nullPct, column.NullPct, 9);
                Assert.Equal(distinct, column.DistinctCount);
            }
        }

        var users = await warehouse.ProfileTableAsync(schema.Tables.Single(t => t.Name == "users"), new ProfileOptions(false), CancellationToken.None);
        Assert.InRange(users.Columns.Single(c => c.Name == "email").NullPct, 1, 3);
        Assert.Equal(0, users.Columns.Single(c => c.Name == "user_id").NullPct);
        Assert.Equal(50_000, users.Columns.Single(c => c.Name == "user_id").DistinctCount);
    }

    // DuckDB's approx_count_distinct is a coarse HyperLogLog: on the 1.09M distinct event ids it answers 890,021 (−18%).
    [Fact]
    public async Task Sampling_mode_approximates_distinct_counts()
    {
        var warehouse = _demo.CreateWarehouse();
        var events = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "events");
        var exact = await warehouse.ProfileTableAsync(events, new ProfileOptions(Sampling: false), CancellationToken.None);
        var sampled = await warehouse.ProfileTableAsync(events, new ProfileOptions(Sampling: true), CancellationToken.None);

        foreach (var (e, s) in exact.Columns.Zip(sampled.Columns))
        {
            Assert.InRange(s.DistinctCount, (long)(e.DistinctCount * 0.75), (long)Math.Ceiling(e.DistinctCount * 1.25));
            Assert.Equal(e.NullPct, s.NullPct);
        }
    }

    [Fact]
    public async Task Freshness_is_measured_from_the_clock_to_the_latest_event()
    {
        var warehouse = _demo.CreateWarehouse();
        var events = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "events");
        var profile = await warehouse.ProfileTableAsync(events, new ProfileOptions(false), CancellationToken.None);

        using var q = new DuckDbQuery(_demo.Path);
        var latest = q.Scalar<DateTime>("SELECT max(\"timestamp\") FROM analytics.events");
        Assert.Equal("timestamp", profile.TimeColumn);
        Assert.Equal(new DateTimeOffset(latest, TimeSpan.Zero), profile.LatestAt);
        Assert.Equal((_demo.Now - profile.LatestAt!.Value).TotalHours, profile.FreshnessHours!.Value, 9);
        Assert.InRange(profile.FreshnessHours!.Value, 1.5, 1.6);
    }

    [Fact]
    public async Task Ranges_are_reported_for_numbers_and_times_but_never_for_text()
    {
        var warehouse = _demo.CreateWarehouse();
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        var orders = await warehouse.ProfileTableAsync(schema.Tables.Single(t => t.Name == "orders"), new ProfileOptions(false), CancellationToken.None);
        var users = await warehouse.ProfileTableAsync(schema.Tables.Single(t => t.Name == "users"), new ProfileOptions(false), CancellationToken.None);

        using var q = new DuckDbQuery(_demo.Path);
        var amount = orders.Columns.Single(c => c.Name == "amount");
        Assert.Equal(q.Scalar<string>("SELECT CAST(min(amount) AS VARCHAR) FROM analytics.orders"), amount.Min);
        Assert.Equal(q.Scalar<string>("SELECT CAST(max(amount) AS VARCHAR) FROM analytics.orders"), amount.Max);
        var created = orders.Columns.Single(c => c.Name == "created_at");
        Assert.Equal(
            q.Scalar<DateTime>("SELECT min(created_at) FROM analytics.orders"),
            DateTimeOffset.Parse(created.Min!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
        Assert.EndsWith("Z", created.Max, StringComparison.Ordinal);
        Assert.Equal(("false", "true"), (users.Columns.Single(c => c.Name == "email_opt_in").Min, users.Columns.Single(c => c.Name == "email_opt_in").Max));
        Assert.All(users.Columns.Where(c => c.DataType == "STRING"), c => Assert.Equal((null, null), (c.Min, c.Max)));
    }

    [Fact]
    public async Task A_table_without_a_time_column_has_no_freshness_and_no_missing_days()
    {
        var warehouse = _demo.CreateWarehouse();
        var config = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "config");
        var profile = await warehouse.ProfileTableAsync(config, new ProfileOptions(false), CancellationToken.None);

        Assert.Equal((25L, null, null, null), (profile.RowCount, profile.TimeColumn, profile.LatestAt, profile.FreshnessHours));
        Assert.Empty(profile.MissingDays);
    }

    [Fact]
    public async Task Value_patterns_are_counted_on_a_sample_of_non_null_values_only()
    {
        var warehouse = _demo.CreateWarehouse();
        var users = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "users");
        var profile = await warehouse.ProfileTableAsync(users, new ProfileOptions(false, PatternSampleSize: 300), CancellationToken.None);

        Assert.Equal(new PiiValueMatch("email", 300, 300), profile.Columns.Single(c => c.Name == "email").ValueMatch);
        Assert.Equal(new PiiValueMatch("phone", 300, 300), profile.Columns.Single(c => c.Name == "contact_number").ValueMatch);
        Assert.Null(profile.Columns.Single(c => c.Name == "channel").ValueMatch);
        Assert.Null(profile.Columns.Single(c => c.Name == "user_id").ValueMatch);
        Assert.Null(profile.Columns.Single(c => c.Name == "email_opt_in").ValueMatch);

        var again = await warehouse.ProfileTableAsync(users, new ProfileOptions(false, PatternSampleSize: 300), CancellationToken.None);
        Assert.Equal(profile.Columns.Select(c => c.ValueMatch), again.Columns.Select(c => c.ValueMatch));
    }

    [Fact]
    public async Task Ping_is_true_for_the_demo_file_and_false_for_a_missing_file_or_a_cancelled_token()
    {
        Assert.True(await _demo.CreateWarehouse().PingAsync(CancellationToken.None));
        var missing = new DuckDbWarehouse(System.IO.Path.Combine(_demo.Directory, "nope", "missing.duckdb"), TimeProvider.System);
        Assert.False(await missing.PingAsync(CancellationToken.None));
        Assert.False(await _demo.CreateWarehouse().PingAsync(new CancellationToken(canceled: true)));
        Assert.Equal("duckdb-demo", _demo.CreateWarehouse().Kind);
    }

    [Fact]
    public async Task Concurrent_calls_each_get_their_own_connection_and_agree()
    {
        var warehouse = _demo.CreateWarehouse();
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        var runs = Enumerable.Range(0, 3).SelectMany(_ => schema.Tables)
            .Select(t => Task.Run(() => warehouse.ProfileTableAsync(t, new ProfileOptions(false), CancellationToken.None)))
            .ToList();
        var profiles = await Task.WhenAll(runs);

        foreach (var group in profiles.GroupBy(p => p.Table))
        {
            var first = group.First();
            Assert.All(group, p => Assert.Equal(
                first.Columns.Select(c => (c.NullPct, c.DistinctCount, c.Min, c.Max, c.ValueMatch)),
                p.Columns.Select(c => (c.NullPct, c.DistinctCount, c.Min, c.Max, c.ValueMatch))));
        }
    }

    [Fact]
    public async Task A_cancelled_token_stops_a_profile()
    {
        var warehouse = _demo.CreateWarehouse();
        var events = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "events");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => warehouse.ProfileTableAsync(events, new ProfileOptions(false), cts.Token));
    }

    [Fact]
    public async Task Identifiers_with_quotes_and_spaces_and_zoned_timestamps_are_profiled_safely()
    {
        var path = System.IO.Path.Combine(_demo.Directory, "odd-names.duckdb");
        using (var setup = new DuckDBConnection($"DataSource={path}"))
        {
            setup.Open();
            using var command = setup.CreateCommand();
            command.CommandText = """"
                CREATE SCHEMA analytics;
                CREATE TABLE analytics."odd ""table""" ("we""ird col" VARCHAR, "event_time" TIMESTAMPTZ, "n" DECIMAL(10, 2));
                INSERT INTO analytics."odd ""table""" VALUES
                    ('a', TIMESTAMPTZ '2026-11-24 23:30:00+00', 1.50),
                    ('b', TIMESTAMPTZ '2026-11-22 08:00:00+00', NULL),
                    (NULL, TIMESTAMPTZ '2026-11-25 22:00:00+00', 3.25);
                """";
            command.ExecuteNonQuery();
        }

        var warehouse = new DuckDbWarehouse(path, _demo.CreateClock());
        var table = Assert.Single((await warehouse.IntrospectAsync(CancellationToken.None)).Tables);
        Assert.Equal(("odd \"table\"", "event_time"), (table.Name, table.PartitionColumn));
        Assert.Equal(["STRING", "TIMESTAMP", "NUMERIC"], table.Columns.Select(c => c.DataType));

        var profile = await warehouse.ProfileTableAsync(table, new ProfileOptions(false), CancellationToken.None);
        var odd = profile.Columns[0];
        Assert.Equal(("we\"ird col", 2L), (odd.Name, odd.DistinctCount));
        Assert.Equal(100.0 / 3, odd.NullPct, 9);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.Zero), profile.LatestAt);
        Assert.Equal(3.5, profile.FreshnessHours!.Value, 9);
        Assert.Equal([new DateOnly(2026, 11, 23)], profile.MissingDays);
        Assert.Equal(("2026-11-22T08:00:00.000000Z", "1.50", "3.25"), (profile.Columns[1].Min, profile.Columns[2].Min, profile.Columns[2].Max));
    }

    [Fact]
    public async Task Schemas_and_profiles_round_trip_through_the_workflow_json_options()
    {
        var warehouse = _demo.CreateWarehouse();
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        var profile = await warehouse.ProfileTableAsync(schema.Tables.Single(t => t.Name == "events"), new ProfileOptions(false), CancellationToken.None);

        var schemaJson = JsonSerializer.Serialize(schema, AutopilotJson.Options);
        var profileJson = JsonSerializer.Serialize(profile, AutopilotJson.Options);
        Assert.Contains("\"partition_column\":\"timestamp\"", schemaJson, StringComparison.Ordinal);
        Assert.Contains("\"missing_days\":[\"2026-11-14\"]", profileJson, StringComparison.Ordinal);
        Assert.Equal(schemaJson, JsonSerializer.Serialize(JsonSerializer.Deserialize<WarehouseSchema>(schemaJson, AutopilotJson.Options), AutopilotJson.Options));
        Assert.Equal(profileJson, JsonSerializer.Serialize(JsonSerializer.Deserialize<TableProfile>(profileJson, AutopilotJson.Options), AutopilotJson.Options));
    }
}
