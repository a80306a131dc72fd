using System.Text.Json.Nodes;
using Autopilot.Core.Queries;
using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Queries;

/// <summary>The size check before storing an approve-run result: all rows when they fit, else the most leading rows that do.</summary>
public sealed class StoredQueryResultTests
{
    private static QueryOutcome Outcome(int rows) => new(
        [new QueryColumn("id", "INT64"), new QueryColumn("noise", "STRING")],
        Enumerable.Range(0, rows).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["id"] = i,
            ["noise"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))), // compresses poorly
        }).ToList(),
        ActualBytes: 1, Truncated: false, CacheHit: false, RedactedColumns: []);

    [Fact]
    public void A_result_that_fits_is_stored_whole_and_not_truncated()
    {
        var stored = JsonNode.Parse(StoredQueryResult.Fit(Outcome(50), QueryPreviewStore.MaxResultBytes))!;

        Assert.Equal(50, stored["rows"]!.AsArray().Count);
        Assert.False(stored["truncated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(20_000)]
    public void A_result_over_the_limit_keeps_the_most_leading_rows_that_fit_and_says_truncated(int limit)
    {
        var outcome = Outcome(5_000);

        var json = StoredQueryResult.Fit(outcome, limit);

        var stored = JsonNode.Parse(json)!;
        var rows = stored["rows"]!.AsArray();
        Assert.True(stored["truncated"]!.GetValue<bool>());
        Assert.True(QueryPreviewStore.StoredSize(json) <= limit);
        Assert.InRange(rows.Count, 1, outcome.Rows.Count - 1);
        Assert.Equal(Enumerable.Range(0, rows.Count), rows.Select(r => r!["id"]!.GetValue<int>()));
        // Maximal: one more row would not have fitted.
        var oneMore = StoredQueryResult.Fit(Outcome(rows.Count + 1), int.MaxValue);
        Assert.True(QueryPreviewStore.StoredSize(oneMore.Replace("\"truncated\":false", "\"truncated\":true", StringComparison.Ordinal)) > limit);
    }

    [Fact]
    public void The_default_limit_is_what_the_preview_store_can_hold()
    {
        Assert.Equal(QueryPreviewStore.MaxResultBytes, new QueryOptions().MaxStoredResultBytes);
        Assert.True(QueryPreviewStore.MaxResultBytes < 1024 * 1024); // a Table entity holds at most 1 MB
    }
}
