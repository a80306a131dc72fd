using Autopilot.Core.Sql;
using static Autopilot.Tests.Sql.SqlGateChecks;

namespace Autopilot.Tests.Sql;

/// <summary>The enforce stage: LIMIT added to row-returning queries, a larger LIMIT capped.</summary>
public sealed class SqlRowLimitTests
{
    [Fact]
    public void A_non_aggregated_top_level_select_gets_the_default_LIMIT()
    {
        var decision = Evaluate("SELECT key, value FROM analytics.config");
        Assert.Equal("SELECT key, value FROM analytics.config LIMIT 10000", decision.RewrittenSql);
        Assert.Equal(["LIMIT auto-added"], decision.Reasons);
        Assert.Equal([SqlRuleIds.LimitAdded], decision.RuleIds);
    }

    [Theory]
    [InlineData("SELECT COUNT(*) FROM analytics.config")]
    [InlineData("SELECT key FROM analytics.config GROUP BY key")]
    [InlineData("SELECT MAX(value) FROM analytics.config HAVING COUNT(*) > 1")]
    [InlineData("SELECT COUNT(*) FROM analytics.config UNION ALL SELECT COUNT(*) FROM analytics.config")]
    [InlineData("(SELECT key FROM analytics.config LIMIT 5)")]
    public void Aggregated_or_already_bounded_queries_get_no_LIMIT(string sql)
    {
        Assert.DoesNotContain("LIMIT 10000", Admitted(sql), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT SUM(LENGTH(value)) OVER () FROM analytics.config")]
    [InlineData("SELECT (SELECT COUNT(*) FROM analytics.config) AS n FROM analytics.config")]
    [InlineData("SELECT key FROM analytics.config UNION ALL SELECT COUNT(*) FROM analytics.config")]
    [InlineData("SELECT DISTINCT key FROM analytics.config")]
    public void Window_functions_subquery_aggregates_and_row_returning_branches_still_get_a_LIMIT(string sql)
    {
        Assert.EndsWith("LIMIT 10000", Admitted(sql), StringComparison.Ordinal);
    }

    [Fact]
    public void A_larger_user_LIMIT_is_capped_to_the_maximum()
    {
        var decision = Evaluate("SELECT key FROM analytics.config LIMIT 1000000000 OFFSET 5");
        Assert.Equal("SELECT key FROM analytics.config LIMIT 10000 OFFSET 5", decision.RewrittenSql);
        Assert.Equal(["LIMIT capped to 10000"], decision.Reasons);
        Assert.Equal("SELECT COUNT(*) FROM analytics.config LIMIT 500", Admitted("SELECT COUNT(*) FROM analytics.config LIMIT 99999999999999999999", SqlGateOptions.Default with { MaxLimit = 500 }));
    }

    [Fact]
    public void A_LIMIT_within_the_cap_is_kept_and_the_cap_defaults_to_the_default_limit()
    {
        Assert.Equal("SELECT key FROM analytics.config LIMIT 20", Admitted("SELECT key FROM analytics.config LIMIT 20"));
        Assert.EndsWith("LIMIT 250", Admitted("SELECT key FROM analytics.config LIMIT 300", SqlGateOptions.Default with { DefaultLimit = 250 }), StringComparison.Ordinal);
        Assert.EndsWith("LIMIT 100", Admitted("SELECT key FROM analytics.config", SqlGateOptions.Default with { DefaultLimit = 100, MaxLimit = 5000 }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_LIMIT_is_refused_because_it_cannot_be_capped()
    {
        Assert.Contains("@n", Refused("SELECT key FROM analytics.config LIMIT @n", SqlRuleIds.LimitNotChecked), StringComparison.Ordinal);
    }
}
