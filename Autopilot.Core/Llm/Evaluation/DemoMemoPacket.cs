using Autopilot.Core.Memos;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>LLM-12's built-in packet, evaluated when a request brings none; its deterministic memo passes validation.</summary>
public static class DemoMemoPacket
{
    public static MemoPacket Packet { get; } = new(
        "2026-02-17T00:00:00Z",
        new MemoPacketWindow(new MemoSpan("2026-02-10", "2026-02-16"), new MemoSpan("2026-02-03", "2026-02-09"), "America/New_York"),
        [
            new MemoKpi("DAU", "Daily active users", 12450, 11200, 1250, 11.16, "notable", "q_dau"),
            new MemoKpi("Revenue", "Revenue from paid orders", 84320.50, 78900.00, 5420.50, 6.87, "normal", "q_revenue"),
            new MemoKpi("Conversion Rate", "Share of active users who ordered", 3.42, 2.91, 0.51, 17.53, "notable", "q_conversion"),
        ],
        [
            new MemoSegment("DAU", "channel", "organic_search", 42.3, 42.3, 0, null),
            new MemoSegment("DAU", "channel", "paid_social", 28.1, 28.1, 0, null),
        ],
        ["analytics.events table had 8-hour delay on 2026-02-14"]);
}
