using System.Globalization;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;
using static Autopilot.Tests.Warehouse.BigQuery.BigQueryTestConnections;

namespace Autopilot.Tests.Warehouse.BigQuery;

public sealed class BigQueryQueryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Dry_run_reports_bytes_of_the_referenced_columns_the_statement_type_and_the_tables()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);
        var sql = $"SELECT e.event_id, e.revenue, u.country FROM {Table("analytics", "events")} e JOIN {Table("analytics", "users")} u ON u.user_id = e.user_id";

        var dryRun = await bigQuery.DryRunAsync(sql, Context(maximumBytesBilled: 5_000_000), None);

        Assert.Equal("SELECT", dryRun.StatementType);
        Assert.Equal(["analytics.events", "analytics.users"], dryRun.ReferencedTables.Order(StringComparer.Ordinal));
        using var q = new DuckDbQuery(FakeWarehouseData.Path);
        var expected = q.Scalar<long>("SELECT CAST(8 * count(event_id) + 16 * count(revenue) + sum(2 + strlen(user_id)) AS BIGINT) FROM analytics.events")
            + q.Scalar<long>("SELECT CAST(sum(2 + strlen(user_id)) + sum(2 + strlen(country)) AS BIGINT) FROM analytics.users");
        Assert.Equal(expected, dryRun.TotalBytesProcessed);

        var insert = Assert.Single(fake.RequestsTo(FakeRoute.JobsInsert));
        var configuration = insert.Body!["configuration"]!;
        Assert.True(configuration["dryRun"]!.GetValue<bool>());
        Assert.False(configuration["query"]!["useLegacySql"]!.GetValue<bool>());
        Assert.False(configuration["query"]!["useQueryCache"]!.GetValue<bool>());
        Assert.Equal("5000000", configuration["query"]!["maximumBytesBilled"]!.GetValue<string>());
        Assert.Equal("tenant-1", configuration["labels"]!["tenant_id"]!.GetValue<string>());
        Assert.Equal("wf-1", configuration["labels"]!["workflow_id"]!.GetValue<string>());
        Assert.Equal("US", insert.Body["jobReference"]!["location"]!.GetValue<string>());
        Assert.Equal(0, fake.JobCount);
    }

    [Fact]
    public async Task Dry_run_passes_on_the_statement_type_of_a_write_and_refuses_invalid_sql_as_validation_failed()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);

        var delete = await bigQuery.DryRunAsync($"DELETE FROM {Table("analytics", "users")} WHERE true", Context(), None);
        Assert.Equal("DELETE", delete.StatementType);

        var error = await FailsWith(FailureClass.ValidationFailed,
            () => bigQuery.DryRunAsync($"SELECT no_such_column FROM {Table("analytics", "users")}", Context(), None));
        // The reason names what is missing, in the same words for every warehouse (WarehouseRejection).
        Assert.Contains("no column named no_such_column", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("invalidQuery", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_reads_every_page_and_decodes_each_type()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake, o => o with { PageSize = 60 });
        var sql = $"SELECT * FROM {Table("analytics", "events")} ORDER BY event_id";

        var result = await bigQuery.ExecuteAsync(sql, Context(), None);

        Assert.Equal(
            [
                new QueryColumn("event_id", "INT64"), new QueryColumn("user_id", "STRING"), new QueryColumn("event_name", "STRING"),
                new QueryColumn("event_time", "TIMESTAMP"), new QueryColumn("revenue", "NUMERIC"), new QueryColumn("duration_s", "FLOAT64"),
                new QueryColumn("is_mobile", "BOOL"), new QueryColumn("event_date", "DATE"), new QueryColumn("properties", "JSON"),
                new QueryColumn("tags", "ARRAY"), new QueryColumn("device", "STRUCT"),
            ],
            result.Columns);
        Assert.Equal(FakeWarehouseData.EventCount, result.Rows.Count);
        Assert.False(result.Truncated);
        Assert.NotNull(result.JobId);
        Assert.Equal((await bigQuery.DryRunAsync(sql, Context(), None)).TotalBytesProcessed, result.BytesProcessed);

        // 260 rows at 60 a page: the first page from jobs.query, four more by page token.
        var pages = fake.RequestsTo(FakeRoute.GetQueryResults);
        Assert.Equal(4, pages.Count(p => p.Param("pageToken") is not null));
        Assert.All(pages, p =>
        {
            Assert.Equal("US", p.Param("location"));
            Assert.InRange(int.Parse(p.Param("maxResults")!, CultureInfo.InvariantCulture), 1, 60);
        });

        foreach (var expected in EventRows.Read())
        {
            var row = result.Rows[(int)expected.Id - 1];
            Assert.Equal(expected.Id, Assert.IsType<long>(row["event_id"]));
            Assert.Equal(expected.User, row["user_id"]);
            Assert.Equal(expected.Time, Assert.IsType<DateTimeOffset>(row["event_time"]));
            Assert.Equal(expected.Revenue, row["revenue"] as decimal?);
            Assert.Equal(expected.Duration, row["duration_s"] as double?);
            Assert.Equal(expected.Mobile, row["is_mobile"] as bool?);
            Assert.Equal(expected.Date, Assert.IsType<DateOnly>(row["event_date"]));
            Assert.Equal(expected.Properties, row["properties"] as string);
            Assert.Equal(expected.Tags, Assert.IsType<List<object?>>(row["tags"]).Cast<string>());
            if (expected.Os is null)
            {
                Assert.Null(row["device"]);
            }
            else
            {
                var device = Assert.IsType<Dictionary<string, object?>>(row["device"]);
                Assert.Equal(expected.Os, device["os"]);
                Assert.Equal(expected.Version, device["version"]);
            }
        }
    }

    [Fact]
    public async Task Reading_stops_at_the_row_cap_and_reports_truncation()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake, o => o with { PageSize = 60 });
        var sql = $"SELECT event_id FROM {Table("analytics", "events")} ORDER BY event_id";

        var capped = await bigQuery.ExecuteAsync(sql, Context(maxRows: 130), None);
        var exact = await bigQuery.ExecuteAsync(sql, Context(maxRows: FakeWarehouseData.EventCount), None);

        Assert.True(capped.Truncated);
        Assert.Equal(Enumerable.Range(1, 130).Select(i => (long)i), capped.Rows.Select(r => (long)r["event_id"]!));
        // The last page asks for the 10 rows still wanted, not a whole page.
        Assert.Equal(["60", "10"], fake.RequestsTo(FakeRoute.GetQueryResults).Take(2).Select(p => p.Param("maxResults")));
        Assert.False(exact.Truncated);
        Assert.Equal(FakeWarehouseData.EventCount, exact.Rows.Count);
    }

    [Fact]
    public async Task An_incomplete_job_is_polled_in_its_location_until_complete()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        fake.HoldJobs(polls: 3);
        using var bigQuery = Connect(fake, o => o with { Location = "EU" });

        var result = await bigQuery.ExecuteAsync($"SELECT country, count(*) AS users FROM {Table("analytics", "users")} GROUP BY country ORDER BY country", Context(), None);

        Assert.Equal(["DE", "FR", "US"], result.Rows.Select(r => r["country"]));
        Assert.Equal([13L, 13L, 14L], result.Rows.Select(r => r["users"]));
        var query = Assert.Single(fake.RequestsTo(FakeRoute.JobsQuery));
        Assert.Equal("EU", query.Body!["location"]!.GetValue<string>());
        var polls = fake.RequestsTo(FakeRoute.GetQueryResults);
        Assert.Equal(4, polls.Count);
        Assert.All(polls, p => Assert.Equal("EU", p.Param("location")));
        Assert.All(polls, p => Assert.Null(p.Param("pageToken")));
    }

    [Fact]
    public async Task Every_job_carries_the_bytes_cap_labels_location_and_standard_sql()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);
        var context = Context(maximumBytesBilled: 123_456_789);

        await bigQuery.DryRunAsync($"SELECT count(*) AS n FROM {Table("analytics", "orders")}", context, None);
        await bigQuery.ExecuteAsync($"SELECT count(*) AS n FROM {Table("analytics", "orders")}", context, None);
        var schema = await bigQuery.IntrospectAsync(None);
        await bigQuery.ProfileTableAsync(schema.Tables.Single(t => t.Name == "users"), new ProfileOptions(Sampling: false), None);

        var queries = fake.RequestsTo(FakeRoute.JobsQuery);
        Assert.True(queries.Count >= 4, "the execution and the profile's scan, days and PII samples");
        Assert.All(queries, q =>
        {
            var body = q.Body!;
            Assert.True(long.Parse(body["maximumBytesBilled"]!.GetValue<string>(), CultureInfo.InvariantCulture) > 0);
            Assert.Equal("tenant-1", body["labels"]!["tenant_id"]!.GetValue<string>());
            Assert.Equal("US", body["location"]!.GetValue<string>());
            Assert.False(body["useLegacySql"]!.GetValue<bool>());
            Assert.StartsWith("autopilot-", body["requestId"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(body["timeoutMs"]!.GetValue<long>() > 0);
            Assert.NotNull(body["maxResults"]);
        });
        Assert.Equal("123456789", queries[0].Body!["maximumBytesBilled"]!.GetValue<string>());
        Assert.Equal("wf-1", queries[0].Body!["labels"]!["workflow_id"]!.GetValue<string>());
        var profileCap = (10L * 1024 * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
        Assert.All(queries.Skip(1), q => Assert.Equal(profileCap, q.Body!["maximumBytesBilled"]!.GetValue<string>()));
        var insert = Assert.Single(fake.RequestsTo(FakeRoute.JobsInsert));
        Assert.Equal("123456789", insert.Body!["configuration"]!["query"]!["maximumBytesBilled"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_query_over_the_bytes_cap_fails_as_quota_exceeded_without_a_retry()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);

        var error = await FailsWith(FailureClass.QuotaExceeded,
            () => bigQuery.ExecuteAsync($"SELECT * FROM {Table("analytics", "events")}", Context(maximumBytesBilled: 1_000), None));

        Assert.Contains("bytesBilledLimitExceeded", error.Message, StringComparison.Ordinal);
        Assert.Contains("Query exceeded limit for bytes billed: 1000.", error.Message, StringComparison.Ordinal);
        Assert.Single(fake.RequestsTo(FakeRoute.JobsQuery));
    }

    [Fact]
    public async Task A_write_statement_is_refused_by_the_read_only_account_as_permission_denied()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);

        await FailsWith(FailureClass.PermissionDenied,
            () => bigQuery.ExecuteAsync($"DELETE FROM {Table("analytics", "users")} WHERE true", Context(), None));
    }

    [Fact]
    public async Task An_empty_result_has_its_columns_and_no_rows()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(Account.Key);
        using var bigQuery = Connect(fake);

        var result = await bigQuery.ExecuteAsync($"SELECT user_id, score FROM {Table("analytics", "users")} WHERE score < 0", Context(), None);

        Assert.Equal([new QueryColumn("user_id", "STRING"), new QueryColumn("score", "FLOAT64")], result.Columns);
        Assert.Empty(result.Rows);
        Assert.False(result.Truncated);
    }
}
