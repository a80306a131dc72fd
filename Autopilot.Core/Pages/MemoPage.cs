using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;

namespace Autopilot.Core.Pages;

/// <summary>
/// The weekly memo as a page (issue 11, memo §4), from MEMO-14's artifact data <c>{packet, memo, packet_hash, validation}</c>
/// plus <c>series</c> (each KPI's daily values over both windows): the headline, one tile per packet KPI (current,
/// previous, delta %, significance, a sparkline drawn by <c>memo.js</c>), key changes, likely causes with their evidence
/// type, actions, data-quality notes, a banner when the memo is the raw-metrics fallback (MEMO-13) and the validation's
/// warnings and errors. Numbers are the packet's as stored; every text is HTML-encoded.
/// </summary>
public static class MemoPage
{
    public const string FallbackBanner = "Automated narrative unavailable: this memo is the raw-metrics fallback.";

    public static string Render(Artifact artifact, ArtifactVersion version)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(version);
        var data = version.Data;
        var packet = data["packet"] as JsonObject ?? [];
        var memo = data["memo"] as JsonObject ?? [];
        var validation = data["validation"] as JsonObject ?? [];
        var kpis = (packet["kpis"] as JsonArray ?? []).OfType<JsonObject>().ToList();

        var html = new StringBuilder();
        html.Append("<header class=\"page-header\">\n<h1>Weekly memo</h1>\n<p class=\"meta\">").Append(HtmlPage.Encode(Windows(packet["time_window"])))
            .Append(" · version <span id=\"artifact-version\">").Append(version.Version.ToString(CultureInfo.InvariantCulture)).Append("</span> · built ")
            .Append(HtmlPage.Encode(version.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append("</p>\n");
        if (memo["fallback"] is JsonValue fallback && fallback.TryGetValue<bool>(out var isFallback) && isFallback)
        {
            html.Append("<p class=\"banner fallback\" id=\"fallback\">").Append(HtmlPage.Encode(FallbackBanner)).Append("</p>\n");
        }

        var problems = Strings(validation["errors"]).Select(e => "Error: " + e).Concat(Strings(validation["warnings"]).Select(w => "Warning: " + w)).ToList();
        if (problems.Count > 0)
        {
            html.Append("<div class=\"banner warnings\" id=\"validation\"><strong>Validation ")
                .Append(Bool(validation["passed"]) ? "passed with warnings" : "failed").Append("</strong>");
            List(html, problems, "validation-items");
            html.Append("</div>\n");
        }

        if (artifact.Stale)
        {
            html.Append("<p class=\"banner stale\">Stale: the warehouse this memo was computed from has been disconnected.</p>\n");
        }

        html.Append("</header>\n<main class=\"memo\">\n<section id=\"headline\">");
        foreach (var line in Strings(memo["headline_summary"]))
        {
            html.Append("<p class=\"headline\">").Append(HtmlPage.Encode(line)).Append("</p>");
        }

        html.Append("</section>\n<h2>Key metrics</h2>\n<section class=\"tiles\" id=\"kpis\">\n");
        for (var i = 0; i < kpis.Count; i++)
        {
            AppendTile(html, i, kpis[i]);
        }

        html.Append("</section>\n<h2>Key changes</h2>\n");
        List(html, (memo["key_changes"] as JsonArray ?? []).OfType<JsonObject>().Select(KeyChange).ToList(), "key-changes");
        html.Append("<h2>Likely causes</h2>\n<ul id=\"likely-causes\">");
        foreach (var cause in (memo["likely_causes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var evidenceType = Text(cause["evidence_type"]) ?? "unknown";
            html.Append("<li><span class=\"hypothesis\">").Append(HtmlPage.Encode(Text(cause["hypothesis"])))
                .Append("</span><span class=\"evidence ").Append(HtmlPage.Encode(evidenceType)).Append("\">").Append(HtmlPage.Encode(evidenceType.Replace('_', ' ')))
                .Append("</span><br><span class=\"supporting\">").Append(HtmlPage.Encode(Text(cause["supporting_evidence"]))).Append("</span></li>");
        }

        html.Append("</ul>\n<h2>Recommended actions</h2>\n");
        List(html, Strings(memo["recommended_actions"]), "actions");
        html.Append("<h2>Data quality</h2>\n");
        List(html, Strings(memo["data_quality_notes"]), "data-quality");
        html.Append("<p class=\"meta\">Packet hash <code>").Append(HtmlPage.Encode(Text(data["packet_hash"]))).Append("</code></p>\n</main>\n");

        var pageData = new JsonObject
        {
            ["artifact_id"] = artifact.ArtifactId,
            ["version"] = version.Version,
            ["kpis"] = new JsonArray([.. kpis.Select(k => (JsonNode)new JsonObject { ["metric_name"] = Text(k["metric_name"]) })]),
            ["series"] = data["series"]?.DeepClone() ?? new JsonObject(),
        };
        return HtmlPage.Render("Weekly memo", html.ToString(), pageData, PageAssets.ChartLibrary, PageAssets.Charts, PageAssets.MemoScript);
    }

    private static void AppendTile(StringBuilder html, int index, JsonObject kpi)
    {
        var delta = Number(kpi["delta_percent"]);
        var direction = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
        html.Append("<article class=\"tile\" data-metric=\"").Append(HtmlPage.Encode(Text(kpi["metric_name"]))).Append("\">")
            .Append("<h3>").Append(HtmlPage.Encode(Text(kpi["metric_name"]))).Append("</h3>")
            .Append("<div class=\"current\">").Append(HtmlPage.Encode(Text(kpi["current_value"]))).Append("</div>")
            .Append("<div class=\"previous\">previous week ").Append(HtmlPage.Encode(Text(kpi["previous_value"]))).Append("</div>")
            .Append("<div class=\"delta ").Append(direction).Append("\">").Append(HtmlPage.Encode(Percent(kpi["delta_percent"]))).Append("</div>")
            .Append("<div class=\"significance\">").Append(HtmlPage.Encode(Text(kpi["significance"]))).Append("</div>")
            .Append("<div class=\"sparkline\" data-index=\"").Append(index.ToString(CultureInfo.InvariantCulture)).Append("\"></div></article>\n");
    }

    private static string KeyChange(JsonObject change) =>
        $"{Text(change["metric_name"])}: {Text(change["previous"])} → {Text(change["current"])} ({Percent(change["delta_pct"])}). {Text(change["interpretation"])} (confidence {Text(change["confidence"])})";

    private static string Windows(JsonNode? window) => window is null
        ? "Week over week"
        : $"{Text(window["current"]?["start"])} to {Text(window["current"]?["end"])} vs {Text(window["previous"]?["start"])} to {Text(window["previous"]?["end"])} ({Text(window["timezone"]) ?? "UTC"})";

    private static void List(StringBuilder html, List<string> items, string id)
    {
        html.Append("<ul id=\"").Append(id).Append("\">");
        if (items.Count == 0)
        {
            html.Append("<li class=\"none\">None</li>");
        }

        foreach (var item in items)
        {
            html.Append("<li>").Append(HtmlPage.Encode(item)).Append("</li>");
        }

        html.Append("</ul>\n");
    }

    /// <summary>"+12.5 %" / "−3 %": the packet's delta_percent as stored, with its sign.</summary>
    private static string Percent(JsonNode? node) => Number(node) is { } value
        ? (value > 0 ? "+" : "") + value.ToString("0.##", CultureInfo.InvariantCulture) + " %"
        : "—";

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static bool Bool(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static List<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(Text).OfType<string>().ToList();

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}
