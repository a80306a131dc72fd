using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Tests.Dashboards;

namespace Autopilot.Tests.Pages;

/// <summary>
/// <see cref="PagesServer"/> where the tenant built its dashboards through the API on the demo warehouse, plus a dashboard
/// published straight to the store with hostile text, an empty card, a refused card, an old series, a bar and a table card,
/// and a memo artifact (which the dashboard route must not show).
/// </summary>
public sealed class DashboardPagesServer : PagesServer
{
    public const string HostileTitle = "<script>window.__pwned=1</script> & <b>bold</b>";
    public const string HostileValue = "<img src=x onerror=window.__pwned=2>";
    public const string RefusalReason = "Refused: <script>window.__pwned=3</script> would scan 12 GB, over the 1 GB limit";

    /// <summary>The old series' days: 40 to 59 days before today, outside a 14- or 30-day window, inside 60 and 90.</summary>
    public const int OldSeriesPoints = 20;

    public string ExecOverviewId { get; private set; } = null!;

    public string CraftedId { get; private set; } = null!;

    public string MemoId { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ExecOverviewId = (await DashboardRuns.BuildOverHttpAsync(Http, Tenant))["artifact_id"]!.GetValue<string>();
        CraftedId = (await Artifacts.PublishAsync(Tenant, new ArtifactDraft(ArtifactTypes.Dashboard, "crafted", "crafted-1", CraftedData(), ["h1"], ["analytics.events"]), CancellationToken.None)).ArtifactId;
        MemoId = (await Artifacts.PublishAsync(Tenant, new ArtifactDraft(ArtifactTypes.Memo, "weekly", "memo-1", new JsonObject { ["memo"] = new JsonObject() }, [], []), CancellationToken.None)).ArtifactId;
    }

    private static JsonObject CraftedData()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var old = new JsonArray([.. Enumerable.Range(40, OldSeriesPoints).Select(back => (JsonNode)new JsonArray(today.AddDays(-back).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), back))]);
        JsonObject Card(string key, string title, string display, string status, string[] columns, JsonArray rows, int col, int row, int width, int height, string? reason = null) => new()
        {
            ["key"] = key, ["title"] = title, ["display"] = display, ["description"] = $"{title} — crafted for the page tests", ["status"] = status, ["reason"] = reason,
            ["sql"] = $"SELECT '<script>{key}</script>' AS x FROM analytics.events", ["query_hash"] = "h1", ["tables"] = new JsonArray("analytics.events"),
            ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]), ["rows"] = rows, ["truncated"] = false, ["bytes_processed"] = 0,
            ["position"] = new JsonObject { ["col"] = col, ["row"] = row, ["size_x"] = width, ["size_y"] = height },
        };
        return new JsonObject
        {
            ["name"] = "Crafted </title><script>window.__pwned=4</script>",
            ["template"] = "crafted",
            ["metabase_dashboard_id"] = null,
            ["date_filter"] = new JsonObject { ["default_days"] = 14, ["max_days"] = 90 },
            ["cards"] = new JsonArray(
                Card("hostile", HostileTitle, "scalar", "ok", ["value"], new JsonArray(new JsonArray(HostileValue)), 0, 0, 9, 4),
                Card("quiet", "Quiet card", "line", "empty", ["day", "value"], [], 9, 0, 9, 4),
                Card("refused", "Refused card", "scalar", "refused", ["value"], [], 0, 4, 9, 4, RefusalReason),
                Card("old_series", "Old series", "line", "ok", ["day", "value"], old, 9, 4, 9, 4),
                Card("by_status", "Revenue by status", "bar", "ok", ["status", "revenue"], new JsonArray(new JsonArray("paid", 10), new JsonArray("refunded", 2.5), new JsonArray("<b>x</b>", 1)), 0, 8, 9, 6),
                Card("detail", "Three columns", "table", "ok", ["a", "b", "c"], new JsonArray(new JsonArray(1, "two", null), new JsonArray(4, "<i>five</i>", 6)), 9, 8, 9, 6)),
        };
    }
}
