using System.Text.Json.Nodes;
using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>MEMO-11 exactly, and its promise: it passes validation for every packet the workflow can build.</summary>
public sealed class DeterministicMemoWriterTests
{
    public static TheoryData<int> PacketIndexes => [.. Enumerable.Range(0, MemoPackets.All().Count())];

    [Theory]
    [MemberData(nameof(PacketIndexes))]
    public void The_deterministic_memo_always_passes_validation_without_warnings_it_could_avoid(int index)
    {
        var packet = MemoPackets.All().ElementAt(index);

        var memo = DeterministicMemoWriter.Write(packet);
        var before = memo.ToJsonString();
        var validation = MemoValidator.Validate(packet, memo);

        Assert.True(validation.Passed, string.Join("; ", validation.Errors));
        Assert.Empty(validation.Warnings);
        Assert.Equal(before, memo.ToJsonString());
        Assert.Equal(MemoSchema.Sections, memo.Select(p => p.Key));
    }

    [Fact]
    public void With_kpis_it_leads_with_the_first_and_copies_every_number()
    {
        var packet = MemoPackets.Shop();

        var memo = DeterministicMemoWriter.Write(packet);

        Assert.Equal("""["Active users changed 0.0% week over week."]""", memo["headline_summary"]!.ToJsonString());
        var revenue = memo["key_changes"]![1]!.AsObject();
        Assert.Equal(
            """{"metric_name":"Revenue","current":125500.5,"previous":100000,"delta_pct":25.5,"delta_absolute":25500.5,"interpretation":"Revenue moved by 25.5% compared to the previous period.","confidence":"high","supporting_query_hashes":["h_revenue"]}""",
            revenue.ToJsonString());
        Assert.Equal("medium", memo["key_changes"]![2]!["confidence"]!.GetValue<string>());
        Assert.Equal(
            """[{"hypothesis":"Active users movement likely reflects recent demand and engagement shifts.","supporting_evidence":"Active users delta 0.0%","evidence_type":"speculative"}]""",
            memo["likely_causes"]!.ToJsonString());
        Assert.Equal("""["Review top acquisition channels for sustained growth drivers."]""", memo["recommended_actions"]!.ToJsonString());
        Assert.Equal(packet.AnomalyNotes, memo["data_quality_notes"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void A_moving_lead_kpi_is_a_data_supported_cause()
    {
        var packet = MemoPackets.With([MemoSignificance.Kpi("Orders", "d", 0, 1120, 1000, "h")]);

        var cause = DeterministicMemoWriter.Write(packet)["likely_causes"]![0]!;

        Assert.Equal(("Orders delta 12.0%", "data_supported"), (cause["supporting_evidence"]!.GetValue<string>(), cause["evidence_type"]!.GetValue<string>()));
    }

    [Fact]
    public void Without_kpis_it_says_so_and_asks_to_check_the_sources()
    {
        var memo = DeterministicMemoWriter.Write(MemoPackets.With([], notes: ["a.b has zero rows"]));

        Assert.Equal(
            """{"headline_summary":["No KPI data available for this period."],"key_changes":[],"likely_causes":[{"hypothesis":"Insufficient KPI data to infer causes.","supporting_evidence":"no supporting data","evidence_type":"speculative"}],"recommended_actions":["Verify source data availability and rerun memo generation."],"data_quality_notes":["a.b has zero rows"]}""",
            memo.ToJsonString());
    }

    [Fact]
    public void The_fallback_attaches_the_raw_kpis()
    {
        var packet = MemoPackets.Shop();

        var fallback = MemoFallback.For(packet);

        Assert.Equal("""["Automated narrative unavailable; raw metrics attached."]""", fallback["headline_summary"]!.ToJsonString());
        Assert.Equal(3, fallback["key_changes"]!.AsArray().Count);
        Assert.Equal(125500.5, fallback["key_changes"]![1]!["current_value"]!.GetValue<double>());
        Assert.Equal(("[]", """["Review raw metrics and rerun memo generation."]""", true),
            (fallback["likely_causes"]!.ToJsonString(), fallback["recommended_actions"]!.ToJsonString(), fallback["fallback"]!.GetValue<bool>()));
        Assert.IsType<JsonArray>(fallback["data_quality_notes"]);
    }
}
