using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Catalog;
using Autopilot.Core.Dashboards;

namespace Autopilot.Core.Pages;

/// <summary>
/// The app's own dashboard page (issue 11 §3): one card per stored card at its DASH-5 position, each with its chart (drawn
/// by <c>dashboard.js</c> from the page data), the window it shows, its SQL and freshness on expand, "No data for this
/// period" when empty and the refusal reason when refused; a global date filter over the daily series (default the
/// artifact's <c>date_filter.default_days</c>), and the version and build time. Every text is HTML-encoded here; the
/// script writes values with <c>textContent</c> only.
/// </summary>
public static class DashboardPage
{
    public const string NoData = "No data for this period";

    /// <summary>Filter choices offered, in days; those beyond the artifact's <c>max_days</c> are left out.</summary>
    private static readonly int[] FilterDays = [7, 14, 30, 60, 90];

    public static string Render(Artifact artifact, ArtifactVersion version, IReadOnlyList<CatalogTable> catalog)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(catalog);
        var data = version.Data;
        var name = Text(data["name"]) ?? "Dashboard";
        var defaultDays = Int(data["date_filter"]?["default_days"]) ?? StoreDashboardActivity.DefaultFilterDays;
        var maxDays = Int(data["date_filter"]?["max_days"]) ?? DashboardTemplates.SeriesDays;
        // The series end the day before the build (complete days only), so the filter counts back from the build's date.
        var asOf = DateOnly.FromDateTime(version.CreatedAt.UtcDateTime);
        var cards = data["cards"] as JsonArray ?? [];

        var html = new StringBuilder();
        html.Append("<header class=\"page-header\">\n<h1>").Append(HtmlPage.Encode(name)).Append("</h1>\n")
            .Append("<p class=\"meta\">Dashboard · version <span id=\"artifact-version\">").Append(version.Version.ToString(CultureInfo.InvariantCulture))
            .Append("</span> · built <time id=\"built-at\" datetime=\"").Append(HtmlPage.Encode(version.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))).Append("\">")
            .Append(HtmlPage.Encode(Stamp(version.CreatedAt))).Append("</time></p>\n");
        if (artifact.Stale)
        {
            html.Append("<p class=\"banner stale\">Stale: the warehouse this dashboard was built from has been disconnected.</p>\n");
        }

        html.Append("<label class=\"filter\">Date range <select id=\"date-filter\">");
        foreach (var days in FilterDays.Append(defaultDays).Where(d => d >= 1 && d <= maxDays).Distinct().Order())
        {
            html.Append("<option value=\"").Append(days.ToString(CultureInfo.InvariantCulture)).Append('"').Append(days == defaultDays ? " selected" : "")
                .Append(">Last ").Append(days.ToString(CultureInfo.InvariantCulture)).Append(" days</option>");
        }

        html.Append("</select></label>\n</header>\n<main class=\"dashboard\">\n");
        var pageCards = new JsonArray();
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i]!.AsObject();
            AppendCard(html, i, card, version, catalog, asOf, defaultDays);
            pageCards.Add(new JsonObject
            {
                ["key"] = Text(card["key"]),
                ["display"] = Text(card["display"]),
                ["status"] = Text(card["status"]),
                ["columns"] = card["columns"]?.DeepClone(),
                ["rows"] = card["rows"]?.DeepClone(),
            });
        }

        html.Append("</main>\n");
        var pageData = new JsonObject
        {
            ["artifact_id"] = artifact.ArtifactId,
            ["version"] = version.Version,
            ["as_of"] = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["default_days"] = defaultDays,
            ["cards"] = pageCards,
        };
        return HtmlPage.Render(name, html.ToString(), pageData, PageAssets.ChartLibrary, PageAssets.Charts, PageAssets.DashboardScript);
    }

    private static void AppendCard(StringBuilder html, int index, JsonObject card, ArtifactVersion version, IReadOnlyList<CatalogTable> catalog, DateOnly asOf, int days)
    {
        var status = Text(card["status"]) ?? CardStatus.Empty;
        var display = Text(card["display"]) ?? "table";
        var position = card["position"];
        html.Append("<section class=\"card status-").Append(HtmlPage.Encode(status)).Append("\" data-index=\"").Append(index.ToString(CultureInfo.InvariantCulture))
            .Append("\" data-display=\"").Append(HtmlPage.Encode(display)).Append('"');
        foreach (var (attribute, field) in new[] { ("col", "col"), ("row", "row"), ("width", "size_x"), ("height", "size_y") })
        {
            if (Int(position?[field]) is { } value)
            {
                html.Append(" data-").Append(attribute).Append("=\"").Append(value.ToString(CultureInfo.InvariantCulture)).Append('"');
            }
        }

        html.Append(">\n<h2>").Append(HtmlPage.Encode(Text(card["title"]))).Append("</h2>\n")
            .Append("<p class=\"description\">").Append(HtmlPage.Encode(Text(card["description"]))).Append("</p>\n")
            .Append("<p class=\"window\">").Append(HtmlPage.Encode(Window(display, asOf, days))).Append("</p>\n")
            .Append("<div class=\"card-body\">");
        if (status == CardStatus.Empty)
        {
            html.Append("<p class=\"empty\">").Append(NoData).Append("</p>");
        }
        else if (status == CardStatus.Refused)
        {
            html.Append("<p class=\"refused\">Not shown: ").Append(HtmlPage.Encode(Text(card["reason"]) ?? "the query was refused")).Append("</p>");
        }

        html.Append("</div>\n<details class=\"source\"><summary>SQL and freshness</summary>\n")
            .Append("<pre><code>").Append(HtmlPage.Encode(Text(card["sql"]))).Append("</code></pre>\n<dl class=\"freshness\">")
            .Append("<dt>Computed</dt><dd>").Append(HtmlPage.Encode(Stamp(version.CreatedAt))).Append("</dd>");
        foreach (var table in (card["tables"] as JsonArray ?? []).Select(Text).OfType<string>())
        {
            html.Append("<dt>").Append(HtmlPage.Encode(table)).Append("</dt><dd>").Append(HtmlPage.Encode(Freshness(table, catalog))).Append("</dd>");
        }

        if (Text(card["query_hash"]) is { } hash)
        {
            html.Append("<dt>Query hash</dt><dd><code>").Append(HtmlPage.Encode(hash)).Append("</code></dd>");
        }

        html.Append("</dl>\n</details>\n</section>\n");
    }

    /// <summary>What the card shows: the filter's window for a daily series, the card's own fixed window otherwise.</summary>
    public static string Window(string display, DateOnly asOf, int days) => display == "line"
        ? $"Showing {Iso(asOf.AddDays(-days))} to {Iso(asOf.AddDays(-1))} ({days} days)"
        : "Its own window, as described above: the date filter narrows daily series only";

    private static string Freshness(string table, IReadOnlyList<CatalogTable> catalog)
    {
        var found = catalog.FirstOrDefault(t => string.Equals($"{t.Dataset}.{t.Table}", table, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return "not in the catalog";
        }

        var latest = found.LatestAt is { } at ? $"latest row {Stamp(at)}" : "no time column";
        var age = found.FreshnessHours is { } hours ? $", {hours.ToString("0.#", CultureInfo.InvariantCulture)} h old when profiled" : "";
        return $"{latest}{age} (profiled {Stamp(found.ProfiledAt)}; {found.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows)";
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToString();

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
