using Autopilot.Core.Costs;
using Autopilot.Tests.Caching;

namespace Autopilot.Tests.Costs;

public sealed class CostOptionsTests
{
    [Fact]
    public void Defaults_are_the_seeds_50_GiB_an_hour_10_GiB_per_query_and_100_GiB_with_approval()
    {
        var options = CostOptions.Read(CacheOptionsTests.Configuration());

        Assert.Equal((53_687_091_200L, 10_737_418_240L, 107_374_182_400L), (options.HourlyBudgetBytes, options.PerQueryMaxBytes, options.PerQueryMaxBytesWithApproval));
        Assert.Equal((5.0, 3600d), (options.UsdPerTiB, options.Window.TotalSeconds));
    }

    [Fact]
    public void The_byte_variables_are_read()
    {
        var options = CostOptions.Read(CacheOptionsTests.Configuration(
            ("ORG_HOURLY_BUDGET_BYTES", "1000"), ("PER_QUERY_MAX_BYTES", "10"), ("PER_QUERY_MAX_BYTES_WITH_APPROVAL", "100")));

        Assert.Equal((1000L, 10L, 100L), (options.HourlyBudgetBytes, options.PerQueryMaxBytes, options.PerQueryMaxBytesWithApproval));
    }

    [Theory]
    [InlineData("ORG_HOURLY_BUDGET_BYTES", "50GiB")]
    [InlineData("ORG_HOURLY_BUDGET_BYTES", "0")]
    [InlineData("PER_QUERY_MAX_BYTES", "-1")]
    [InlineData("PER_QUERY_MAX_BYTES_WITH_APPROVAL", "1e12")]
    [InlineData("PER_QUERY_MAX_BYTES_WITH_APPROVAL", "99999999999999999999")]
    public void A_bad_value_is_refused_naming_the_variable(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CostOptions.Read(CacheOptionsTests.Configuration((key, value))));

        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approval_threshold_above_the_hard_cap_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CostOptions.Read(CacheOptionsTests.Configuration(
            ("PER_QUERY_MAX_BYTES", "200"), ("PER_QUERY_MAX_BYTES_WITH_APPROVAL", "100"))));

        Assert.Contains("PER_QUERY_MAX_BYTES_WITH_APPROVAL", error.Message, StringComparison.Ordinal);
    }
}
