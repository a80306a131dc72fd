using System.Diagnostics;
using System.Globalization;
using Autopilot.Core.Warehouse;
using Xunit.Abstractions;

namespace Autopilot.Tests.Warehouse;

[Collection(DemoWarehouseCollection.Name)]
public sealed class DemoWarehouseTests
{
    private static readonly string[] Tables = ["users", "events", "orders", "config"];

    private readonly DemoWarehouseFixture _demo;
    private readonly ITestOutputHelper _output;

    public DemoWarehouseTests(DemoWarehouseFixture demo, ITestOutputHelper output)
    {
        _demo = demo;
        _output = output;
    }

    [Fact]
    public void Generating_twice_for_the_same_date_gives_identical_rows_in_identical_order()
    {
        var second = System.IO.Path.Combine(_demo.Directory, "again.duckdb");
        var started = Stopwatch.GetTimestamp();
        Assert.True(DemoWarehouse.EnsureCreated(second, _demo.Today));
        var elapsed = Stopwatch.GetElapsedTime(started);
        _output.WriteLine($"generation: fixture {_demo.GenerationTime.TotalMilliseconds:F0} ms, again {elapsed.TotalMilliseconds:F0} ms");

        using var a = new DuckDbQuery(_demo.Path);
        using var b = new DuckDbQuery(second);
        foreach (var table in Tables)
        {
            Assert.Equal(Fingerprint(a, table), Fingerprint(b, table));
        }
    }

    [Fact]
    public void EnsureCreated_skips_a_file_made_for_the_same_date_and_regenerates_for_a_new_date()
    {
        var path = System.IO.Path.Combine(_demo.Directory, "rolling.duckdb");
        Assert.True(DemoWarehouse.EnsureCreated(path, _demo.Today));
        var written = File.GetLastWriteTimeUtc(path);
        string firstUsers;
        using (var q = new DuckDbQuery(path))
        {
            firstUsers = Fingerprint(q, "users");
        }

        Assert.False(DemoWarehouse.EnsureCreated(path, _demo.Today));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));

        var tomorrow = _demo.Today.AddDays(1);
        Assert.True(DemoWarehouse.EnsureCreated(path, tomorrow));
        using var after = new DuckDbQuery(path);
        Assert.Equal(Iso(tomorrow), after.Scalar<string>("SELECT value FROM analytics.config WHERE key = 'demo_generated_for'"));
        Assert.NotEqual(firstUsers, Fingerprint(after, "users"));
        // No temporary file or write-ahead log is left beside it.
        Assert.Equal(["rolling.duckdb"], System.IO.Directory.GetFileSystemEntries(_demo.Directory, "rolling*").Select(System.IO.Path.GetFileName));
    }

    [Fact]
    public void Tables_have_the_documented_row_counts()
    {
        using var q = new DuckDbQuery(_demo.Path);
        var counts = Tables.ToDictionary(t => t, t => q.Scalar<long>($"SELECT count(*) FROM analytics.{t}"));
        _output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));

        Assert.Equal(50_000, counts["users"]);
        Assert.InRange(counts["events"], 1_000_000, 1_200_000);
        Assert.InRange(counts["orders"], 180_000, 220_000);
        Assert.Equal(25, counts["config"]);
    }

    [Fact]
    public void Events_hold_at_least_a_million_rows_within_the_90_days_before_today()
    {
        using var q = new DuckDbQuery(_demo.Path);
        var inWindow = q.Scalar<long>($"""
            SELECT count(*) FROM analytics.events
            WHERE "timestamp" >= DATE '{Iso(_demo.Today.AddDays(-90))}' AND "timestamp" < DATE '{Iso(_demo.Today)}'
            """);

        Assert.True(inWindow >= 1_000_000, $"{inWindow} events in the window");
        Assert.Equal(q.Scalar<long>("SELECT count(*) FROM analytics.events"), inWindow);
    }

    [Fact]
    public void Events_show_weekly_seasonality_with_clearly_fewer_events_on_weekends()
    {
        using var q = new DuckDbQuery(_demo.Path);
        var perDay = q.Pairs<DateOnly, long>("""
            SELECT CAST("timestamp" AS DATE) AS day, count(*) FROM analytics.events GROUP BY day
            """);
        var weekday = perDay.Where(d => !IsWeekend(d.Item1)).Average(d => d.Item2);
        var weekend = perDay.Where(d => IsWeekend(d.Item1)).Average(d => d.Item2);
        _output.WriteLine($"mean per weekday {weekday:F0}, per weekend day {weekend:F0}");

        Assert.True(weekday > 1.4 * weekend, $"weekday {weekday:F0} vs weekend {weekend:F0}");
    }

    [Fact]
    public void Orders_dip_on_weekends_and_statuses_are_skewed()
    {
        using var q = new DuckDbQuery(_demo.Path);
        var perDay = q.Pairs<DateOnly, long>("SELECT CAST(created_at AS DATE) AS day, count(*) FROM analytics.orders GROUP BY day");
        Assert.True(
            perDay.Where(d => !IsWeekend(d.Item1)).Average(d => d.Item2) > 1.3 * perDay.Where(d => IsWeekend(d.Item1)).Average(d => d.Item2));

        var statuses = q.Pairs<string, long>("SELECT status, count(*) AS n FROM analytics.orders GROUP BY status ORDER BY n DESC");
        Assert.Equal("completed", statuses[0].Item1);
        Assert.True(statuses[0].Item2 > 0.6 * statuses.Sum(s => s.Item2));
    }

    [Fact]
    public async Task Events_have_exactly_one_missing_day_and_the_profile_reports_it()
    {
        using var q = new DuckDbQuery(_demo.Path);
        var emptyDays = q.Column<DateOnly>($"""
            SELECT CAST(d AS DATE) FROM generate_series(DATE '{Iso(_demo.Today.AddDays(-90))}', DATE '{Iso(_demo.Today.AddDays(-1))}', INTERVAL 1 DAY) g(d)
            WHERE CAST(d AS DATE) NOT IN (SELECT DISTINCT CAST("timestamp" AS DATE) FROM analytics.events)
            """);
        Assert.Equal(new[] { DemoWarehouse.MissingEventDay(_demo.Today) }, emptyDays);

        var warehouse = _demo.CreateWarehouse();
        var events = (await warehouse.IntrospectAsync(CancellationToken.None)).Tables.Single(t => t.Name == "events");
        var profile = await warehouse.ProfileTableAsync(events, new ProfileOptions(Sampling: false), CancellationToken.None);
        Assert.Equal(emptyDays, profile.MissingDays);
    }

    [Fact]
    public void Skewed_dimensions_follow_the_documented_shares()
    {
        using var q = new DuckDbQuery(_demo.Path);
        double Share(string sql) => q.Scalar<double>(sql);

        Assert.InRange(Share("SELECT avg(CASE WHEN channel = 'organic_search' THEN 1 ELSE 0 END) FROM analytics.users"), 0.37, 0.43);
        Assert.InRange(Share("SELECT avg(CASE WHEN channel = 'paid_social' THEN 1 ELSE 0 END) FROM analytics.users"), 0.22, 0.28);
        Assert.InRange(Share("SELECT avg(CASE WHEN country = 'US' THEN 1 ELSE 0 END) FROM analytics.users"), 0.42, 0.48);
        Assert.InRange(Share("SELECT avg(CASE WHEN email IS NULL THEN 1 ELSE 0 END) FROM analytics.users"), 0.01, 0.03);
        Assert.InRange(Share("SELECT avg(CASE WHEN event_name = 'page_view' THEN 1 ELSE 0 END) FROM analytics.events"), 0.37, 0.43);
        Assert.Equal(
            q.Scalar<long>("SELECT count(email) FROM analytics.users"),
            q.Scalar<long>("SELECT count(DISTINCT email) FROM analytics.users"));
    }

    [Fact]
    public void Events_and_orders_reference_users_that_existed_at_the_time()
    {
        using var q = new DuckDbQuery(_demo.Path);
        foreach (var (table, time) in new[] { ("events", "\"timestamp\""), ("orders", "created_at") })
        {
            Assert.Equal(0L, q.Scalar<long>($"SELECT count(*) FROM analytics.{table} x ANTI JOIN analytics.users u USING (user_id)"));
            Assert.Equal(0L, q.Scalar<long>($"SELECT count(*) FROM analytics.{table} x JOIN analytics.users u USING (user_id) WHERE u.created_at > x.{time}"));
        }
    }

    // Row count, plus two order-sensitive aggregates of every row's hash (hashed with its row id).
    private static string Fingerprint(DuckDbQuery q, string table) => q.Scalar<string>($"""
        SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(bit_xor(hash(rowid, t)) AS VARCHAR) || ':' || CAST(sum(hash(rowid, t) % 1000003) AS VARCHAR)
        FROM analytics.{table} t
        """);

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
