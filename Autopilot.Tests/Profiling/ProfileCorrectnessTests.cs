using System.Globalization;
using Autopilot.Tests.Infrastructure;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Profiling;

/// <summary>
/// A profile over HTTP stores a catalog whose figures equal what the test computes with its own SQL on the demo warehouse.
/// </summary>
public sealed class ProfileCorrectnessTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _fixture;

    public ProfileCorrectnessTests(ServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Profile_stores_the_tables_row_counts_nulls_distincts_ranges_freshness_gap_and_pii_the_data_has()
    {
        var tenant = "org_prof_" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        Assert.Equal($"conn_{tenant}", body["connection_id"]!.GetValue<string>());
        Assert.StartsWith("wf_", body["workflow_id"]!.GetValue<string>(), StringComparison.Ordinal);

        var store = new StorageFactory(_fixture.Server.TaskHub);
        var tables = await store.Catalog.ListTablesAsync(tenant, CancellationToken.None);
        var columns = await store.Catalog.ListColumnsAsync(tenant, CancellationToken.None);

        using var duck = new DuckDBConnection($"Data Source={SharedDemoWarehouse.Path};ACCESS_MODE=READ_ONLY");
        duck.Open();

        Assert.Superset(new HashSet<string> { "users", "events", "orders", "config" }, tables.Select(t => t.Table).ToHashSet());
        foreach (var table in tables)
        {
            Assert.Equal("analytics", table.Dataset);
            Assert.Equal(Scalar<long>(duck, $"SELECT COUNT(*) FROM analytics.\"{table.Table}\""), table.RowCount);
        }

        foreach (var column in columns)
        {
            var quoted = $"\"{column.Column}\"";
            var from = $"analytics.\"{column.Table}\"";
            var rows = Scalar<long>(duck, $"SELECT COUNT(*) FROM {from}");
            var nulls = Scalar<long>(duck, $"SELECT COUNT(*) - COUNT({quoted}) FROM {from}");
            var expectedNullPct = rows == 0 ? 0 : 100.0 * nulls / rows;
            Assert.True(Math.Abs(expectedNullPct - column.NullPct) < 0.01, $"{column.Table}.{column.Column} null % {column.NullPct} vs {expectedNullPct}");
            if (column.DataType is not "JSON")
            {
                Assert.Equal(Scalar<long>(duck, $"SELECT COUNT(DISTINCT {quoted}) FROM {from}"), column.DistinctCount);
            }
        }

        var events = Assert.Single(tables, t => t.Table == "events");
        var latest = Scalar<DateTime>(duck, "SELECT MAX(\"timestamp\") FROM analytics.events");
        Assert.Equal("timestamp", events.TimeColumn);
        Assert.Equal(latest, events.LatestAt!.Value.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.InRange(events.FreshnessHours!.Value, 0, 48);

        var missing = Assert.Single(events.MissingDays);
        Assert.Equal(0L, Scalar<long>(duck, $"SELECT COUNT(*) FROM analytics.events WHERE CAST(\"timestamp\" AS DATE) = DATE '{missing.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'"));

        var email = Assert.Single(columns, c => c.Table == "users" && c.Column == "email");
        Assert.Equal(("email", 95, true, "value_pattern"), (email.PiiType, email.PiiConfidence, email.IsPii, email.PiiEvidence));
        var phone = Assert.Single(columns, c => c.Table == "users" && c.Column == "contact_number");
        Assert.Equal((95, true, "value_pattern"), (phone.PiiConfidence, phone.IsPii, phone.PiiEvidence));
        var nameOnly = Assert.Single(columns, c => c.Table == "users" && c.Column == "email_opt_in");
        Assert.Equal((50, false, "name_only"), (nameOnly.PiiConfidence, nameOnly.IsPii, nameOnly.PiiEvidence));
        Assert.Null(Assert.Single(columns, c => c.Table == "users" && c.Column == "channel").PiiType);
    }

    [Fact]
    public async Task Profiling_twice_leaves_one_catalog_row_per_table_and_column_and_one_audit_row_per_run()
    {
        var tenant = "org_prof2_" + Guid.NewGuid().ToString("N")[..8];
        var first = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        var second = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "admin");
        Assert.Equal((200, 200), (first.Status, second.Status));

        var store = new StorageFactory(_fixture.Server.TaskHub);
        var tables = await store.Catalog.ListTablesAsync(tenant, CancellationToken.None);
        var columns = await store.Catalog.ListColumnsAsync(tenant, CancellationToken.None);
        var audit = await store.Audit.ListAsync(tenant, "workflow_run", 100, CancellationToken.None);

        Assert.Equal(tables.Count, tables.Select(t => (t.Dataset, t.Table)).Distinct().Count());
        Assert.Equal(columns.Count, columns.Select(c => (c.Dataset, c.Table, c.Column)).Distinct().Count());
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("success", a.Payload["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_trigger_that_outlasts_its_wait_answers_202_with_a_status_url_that_later_shows_the_result()
    {
        var tenant = "org_prof3_" + Guid.NewGuid().ToString("N")[..8];
        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}&wait_seconds=0", tenant, "member");

        Assert.Equal(202, status);
        var workflowId = body!["workflow_id"]!.GetValue<string>();
        Assert.Equal($"/api/v1/workflows/{workflowId}/status?org_id={tenant}", body["status_url"]!.GetValue<string>());

        var done = await _fixture.Http.WaitForRunAsync(tenant, workflowId, TimeSpan.FromSeconds(60));
        Assert.Equal("success", done["status"]!.GetValue<string>());
        Assert.Equal("success", done["result"]!["status"]!.GetValue<string>());
        Assert.Equal(
            ["detect_pii", "introspect_schemas", "profile_tables", "store_catalog"],
            done["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public async Task Disconnect_after_a_profile_deletes_that_connections_catalog_and_reports_what_it_did()
    {
        var tenant = "org_disc_" + Guid.NewGuid().ToString("N")[..8];
        await _fixture.Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");
        var (profileStatus, _) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/profile?org_id={tenant}", tenant, "member");
        var store = new StorageFactory(_fixture.Server.TaskHub);
        var columnsBefore = (await store.Catalog.ListColumnsAsync(tenant, CancellationToken.None)).Count;

        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/conn_{tenant}/disconnect?org_id={tenant}", tenant, "admin");

        Assert.Equal(200, profileStatus);
        Assert.Equal(200, status);
        Assert.Equal("disconnected", body!["status"]!.GetValue<string>());
        Assert.Equal(columnsBefore + 4, body["catalog_rows_deleted"]!.GetValue<int>());
        Assert.True(body["cache_entries_purged"]!.GetValue<int>() >= 1, "the profile cached the connection's schema");
        Assert.Empty(await store.Catalog.ListTablesAsync(tenant, CancellationToken.None));
        Assert.Empty(await store.Catalog.ListColumnsAsync(tenant, CancellationToken.None));
    }

    private static T Scalar<T>(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }
}
