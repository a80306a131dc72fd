using System.Text.Json;
using Autopilot.Core.Warehouse.BigQuery;
using Autopilot.Core.Warehouse.BigQuery.Wire;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Warehouse.BigQuery.Fake;

namespace Autopilot.Tests.Warehouse.BigQuery;

public sealed class BigQueryWireFormatTests
{
    [Theory]
    [InlineData("1.7641008E9", 1_764_100_800L, 0)]
    [InlineData("1.764100800123456E9", 1_764_100_800L, 123_456)]
    [InlineData("1764100800.5", 1_764_100_800L, 500_000)]
    [InlineData("0.0", 0L, 0)]
    [InlineData("-1.5E0", -2L, 500_000)]
    public void Timestamps_arrive_as_floating_point_seconds_and_keep_their_microseconds(string text, long seconds, int micros)
    {
        var expected = DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * TimeSpan.TicksPerMicrosecond);

        Assert.Equal(expected, BigQueryRowDecoder.ParseTimestamp(text));
        Assert.Equal(expected, BigQueryRowDecoder.ParseTimestamp(FakeCells.Timestamp(expected.UtcDateTime)));
    }

    [Fact]
    public void Rows_decode_by_schema_including_legacy_names_nulls_records_and_repeated_fields()
    {
        var schema = JsonSerializer.Deserialize<TableSchema>("""
            {"fields":[
              {"name":"n","type":"INTEGER","mode":"NULLABLE"},
              {"name":"f","type":"FLOAT","mode":"NULLABLE"},
              {"name":"big","type":"BIGNUMERIC"},
              {"name":"b","type":"BOOLEAN"},
              {"name":"d","type":"DATE"},
              {"name":"dt","type":"DATETIME"},
              {"name":"bytes","type":"BYTES"},
              {"name":"nothing","type":"STRING"},
              {"name":"nums","type":"INT64","mode":"REPEATED"},
              {"name":"rec","type":"RECORD","fields":[{"name":"a","type":"STRING"},{"name":"xs","type":"FLOAT64","mode":"REPEATED"}]},
              {"name":"recs","type":"STRUCT","mode":"REPEATED","fields":[{"name":"k","type":"STRING"}]}
            ]}
            """, BigQueryJson.Options)!.Fields!;
        var row = JsonSerializer.Deserialize<TableRow>("""
            {"f":[{"v":"-42"},{"v":"NaN"},{"v":"123456789012345678901234567890123456789.5"},{"v":"true"},{"v":"2026-11-13"},
                  {"v":"2026-11-13T10:00:00.123"},{"v":"AQI="},{"v":null},{"v":[{"v":"1"},{"v":"2"}]},
                  {"v":{"f":[{"v":"x"},{"v":[{"v":"1.5"}]}]}},{"v":[{"v":{"f":[{"v":"k1"}]}}]}]}
            """, BigQueryJson.Options)!;

        var values = BigQueryRowDecoder.DecodeRow(row, schema);

        Assert.Equal(-42L, values["n"]);
        Assert.True(double.IsNaN((double)values["f"]!));
        Assert.Equal("123456789012345678901234567890123456789.5", values["big"]);
        Assert.Equal(true, values["b"]);
        Assert.Equal(new DateOnly(2026, 11, 13), values["d"]);
        Assert.Equal("2026-11-13T10:00:00.123", values["dt"]);
        Assert.Equal(new byte[] { 1, 2 }, values["bytes"]);
        Assert.Null(values["nothing"]);
        Assert.Equal([1L, 2L], (List<object?>)values["nums"]!);
        var record = (Dictionary<string, object?>)values["rec"]!;
        Assert.Equal("x", record["a"]);
        Assert.Equal([1.5], (List<object?>)record["xs"]!);
        Assert.Equal("k1", ((Dictionary<string, object?>)((List<object?>)values["recs"]!)[0]!)["k"]);
    }

    [Theory]
    [InlineData("tenant-1", "tenant-1")]
    [InlineData("Acme Corp/EU", "acme_corp_eu")]
    [InlineData("Ünïcode.Tenant", "_n_code_tenant")]
    [InlineData("", "")]
    public void Label_values_follow_BigQuerys_rules(string value, string expected) =>
        Assert.Equal(expected, BigQueryLabels.Sanitize(value));

    [Fact]
    public void Long_label_values_are_cut_to_63_characters_and_stay_distinct()
    {
        var a = BigQueryLabels.Sanitize("WF:" + new string('X', 100) + "-a");
        var b = BigQueryLabels.Sanitize("WF:" + new string('X', 100) + "-b");

        Assert.Equal(63, a.Length);
        Assert.Matches("^[a-z0-9_-]{63}$", a);
        Assert.StartsWith("wf_xxx", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Jobs_carry_sanitized_tenant_and_workflow_labels()
    {
        await using var fake = await FakeBigQueryServer.StartAsync(BigQueryTestConnections.Account.Key);
        using var bigQuery = BigQueryTestConnections.Connect(fake);
        var context = BigQueryTestConnections.Context(tenant: "Acme Corp/EU", workflow: "Memo:2026-W48:" + new string('Z', 80));

        await bigQuery.ExecuteAsync($"SELECT 1 AS one FROM {BigQueryTestConnections.Table("analytics", "users")} LIMIT 1", context, CancellationToken.None);
        await bigQuery.DryRunAsync($"SELECT 1 AS one FROM {BigQueryTestConnections.Table("analytics", "users")}", context, CancellationToken.None);

        var labels = new[]
        {
            Assert.Single(fake.RequestsTo(FakeRoute.JobsQuery)).Body!["labels"]!,
            Assert.Single(fake.RequestsTo(FakeRoute.JobsInsert)).Body!["configuration"]!["labels"]!,
        };
        Assert.All(labels, l =>
        {
            Assert.Equal("acme_corp_eu", l["tenant_id"]!.GetValue<string>());
            Assert.Matches("^memo_2026-w48_z+-[0-9a-f]{8}$", l["workflow_id"]!.GetValue<string>());
            Assert.Equal(63, l["workflow_id"]!.GetValue<string>().Length);
        });
    }

    [Theory]
    [InlineData(403, "accessDenied", FailureClass.PermissionDenied)]
    [InlineData(401, "", FailureClass.PermissionDenied)]
    [InlineData(403, "quotaExceeded", FailureClass.QuotaExceeded)]
    [InlineData(400, "bytesBilledLimitExceeded", FailureClass.QuotaExceeded)]
    [InlineData(403, "rateLimitExceeded", FailureClass.QuotaExceeded)]
    [InlineData(429, "", FailureClass.QuotaExceeded)]
    [InlineData(500, "backendError", FailureClass.TransientNetwork)]
    [InlineData(502, "", FailureClass.TransientNetwork)]
    [InlineData(400, "invalidQuery", FailureClass.ValidationFailed)]
    [InlineData(404, "notFound", FailureClass.ValidationFailed)]
    [InlineData(400, "stopped", FailureClass.Timeout)]
    [InlineData(302, "", FailureClass.MalformedResponse)]
    public void Error_bodies_are_classed_by_reason_then_status(int status, string reason, FailureClass expected)
    {
        var body = reason.Length == 0 ? "<html>nope</html>" : FakeBigQueryServer.ErrorBody(status, reason, "the message").Body.ToJsonString();

        var error = BigQueryErrors.FromResponse("jobs.query", status, body);

        Assert.Equal(expected, error.Failure);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
    }
}
