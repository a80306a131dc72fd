namespace Autopilot.Core.Memos;

/// <summary>MEMO-5/6: the deltas and significance of a KPI, exactly as the seed computes them.</summary>
public static class MemoSignificance
{
    public const string Major = "major";
    public const string Notable = "notable";
    public const string Normal = "normal";

    /// <summary>Also counted as significant by coverage checks (MEMO-17), though no packet produces it.</summary>
    public const string Critical = "critical";

    /// <summary>delta_percent: 100 when the previous value was 0 and the current is positive, 0 when both are 0; else the rounded ratio.</summary>
    public static double DeltaPercent(double current, double previous) =>
        previous == 0 ? (current > 0 ? 100.0 : 0.0) : Math.Round((current - previous) / previous * 100, 2);

    public static string Of(double deltaPercent) => Math.Abs(deltaPercent) switch
    {
        > 25 => Major,
        > 10 => Notable,
        _ => Normal,
    };

    public static bool IsSignificant(string significance) => significance is Notable or Major or Critical;

    /// <summary>A KPI from its raw window values, rounded to its decimals before the deltas are taken (MEMO-3..5).</summary>
    public static MemoKpi Kpi(string name, string definition, int decimals, double current, double previous, string queryHash)
    {
        var c = Math.Round(current, decimals);
        var p = Math.Round(previous, decimals);
        var pct = DeltaPercent(c, p);
        return new MemoKpi(name, definition, c, p, Math.Round(c - p, decimals), pct, Of(pct), queryHash);
    }
}
