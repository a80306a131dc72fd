using Autopilot.Core.Memos;

namespace Autopilot.Tests.Memos;

/// <summary>MEMO-5/6 exactly: delta_percent with its previous-is-zero cases, rounding, and the significance bands at their edges.</summary>
public sealed class MemoSignificanceTests
{
    [Theory]
    [InlineData(110, 100, 10.0, "normal")]
    [InlineData(110.01, 100, 10.01, "notable")]
    [InlineData(125, 100, 25.0, "notable")]
    [InlineData(125.01, 100, 25.01, "major")]
    [InlineData(74.99, 100, -25.01, "major")]
    [InlineData(89.99, 100, -10.01, "notable")]
    [InlineData(5, 0, 100.0, "major")]
    [InlineData(0, 0, 0.0, "normal")]
    [InlineData(-3, 0, 0.0, "normal")]
    [InlineData(1, 3, -66.67, "major")]
    [InlineData(100, 100, 0.0, "normal")]
    public void Delta_percent_and_significance_follow_the_seed(double current, double previous, double percent, string significance)
    {
        Assert.Equal(percent, MemoSignificance.DeltaPercent(current, previous));
        Assert.Equal(significance, MemoSignificance.Of(percent));
    }

    [Fact]
    public void Values_are_rounded_to_the_kpis_decimals_before_the_deltas_are_taken()
    {
        var users = MemoSignificance.Kpi("Active users", "d", 0, 1234.6, 1000.4, "h");
        var revenue = MemoSignificance.Kpi("Revenue", "d", 2, 100.005, 0.004, "h");

        Assert.Equal((1235.0, 1000.0, 235.0, 23.5, "notable"), (users.CurrentValue, users.PreviousValue, users.DeltaAbsolute, users.DeltaPercent, users.Significance));
        Assert.Equal((100.0, 0.0, 100.0, 100.0, "major"), (revenue.CurrentValue, revenue.PreviousValue, revenue.DeltaAbsolute, revenue.DeltaPercent, revenue.Significance));
    }
}
