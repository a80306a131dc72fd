using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos;

/// <summary>
/// MEMO-11, exactly: the memo written without a language model, from the packet's own numbers. It always passes
/// validation, which is also why it is what an LLM failure falls back to.
/// </summary>
public sealed class DeterministicMemoWriter : IMemoWriter
{
    public const string NoKpiHeadline = "No KPI data available for this period.";

    public const string Name = "deterministic";

    public Task<MemoDraft> WriteAsync(MemoPacket packet, IReadOnlyList<string> previousErrors, CancellationToken cancellation) =>
        Task.FromResult(new MemoDraft(Write(packet), Name));

    public static JsonObject Write(MemoPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var notes = new JsonArray([.. packet.AnomalyNotes.Select(n => (JsonNode)n)]);
        if (packet.Kpis.Count == 0)
        {
            return Memo(
                [NoKpiHeadline],
                [],
                [Cause("Insufficient KPI data to infer causes.", MemoValidator.NoSupportingData, MemoValidator.Speculative)],
                ["Verify source data availability and rerun memo generation."],
                notes);
        }

        var lead = packet.Kpis[0];
        var leadPct = MemoNumbers.Text(lead.DeltaPercent);
        var changes = packet.Kpis.Select(k => (JsonNode)new JsonObject
        {
            ["metric_name"] = k.MetricName,
            ["current"] = k.CurrentValue,
            ["previous"] = k.PreviousValue,
            ["delta_pct"] = k.DeltaPercent,
            ["delta_absolute"] = k.DeltaAbsolute,
            ["interpretation"] = $"{k.MetricName} moved by {MemoNumbers.Text(k.DeltaPercent)}% compared to the previous period.",
            ["confidence"] = k.Significance is MemoSignificance.Major or MemoSignificance.Critical ? "high" : "medium",
            ["supporting_query_hashes"] = new JsonArray(k.QueryHash),
        });
        return Memo(
            [$"{lead.MetricName} changed {leadPct}% week over week."],
            changes,
            [Cause($"{lead.MetricName} movement likely reflects recent demand and engagement shifts.", $"{lead.MetricName} delta {leadPct}%",
                lead.DeltaPercent != 0 ? MemoValidator.DataSupported : MemoValidator.Speculative)],
            ["Review top acquisition channels for sustained growth drivers."],
            notes);
    }

    private static JsonObject Cause(string hypothesis, string evidence, string type) => new()
    {
        ["hypothesis"] = hypothesis,
        ["supporting_evidence"] = evidence,
        ["evidence_type"] = type,
    };

    private static JsonObject Memo(IEnumerable<string> headline, IEnumerable<JsonNode> changes, IEnumerable<JsonObject> causes, IEnumerable<string> actions, JsonArray notes) => new()
    {
        ["headline_summary"] = new JsonArray([.. headline.Select(h => (JsonNode)h)]),
        ["key_changes"] = new JsonArray([.. changes]),
        ["likely_causes"] = new JsonArray([.. causes]),
        ["recommended_actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
        ["data_quality_notes"] = notes,
    };
}
