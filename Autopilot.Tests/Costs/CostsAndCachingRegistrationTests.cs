using Autopilot.Core;
using Autopilot.Core.Caching;
using Autopilot.Core.Costs;
using Autopilot.Tests.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autopilot.Tests.Costs;

public sealed class CostsAndCachingRegistrationTests
{
    [Fact]
    public async Task The_services_resolve_as_singletons_and_work_without_Redis()
    {
        var services = new ServiceCollection()
            .AddSingleton(CacheOptionsTests.Configuration(("ORG_HOURLY_BUDGET_BYTES", "1000")))
            .AddLogging()
            .AddCostsAndCaching(new ServiceOptions());
        await using var provider = services.BuildServiceProvider();

        var gate = provider.GetRequiredService<CostGate>();
        var decision = await gate.EvaluateAsync("org_a", 600, "q1", CancellationToken.None);
        var second = await provider.GetRequiredService<CostGate>().EvaluateAsync("org_a", 600, "q2", CancellationToken.None);
        var cached = await provider.GetRequiredService<IAutopilotCache>().GetOrCreateAsync(CacheKey.Schema("org_a", "c"), _ => Task.FromResult(1), CancellationToken.None);

        Assert.Same(provider.GetRequiredService<CostLimiter>(), provider.GetRequiredService<CostLimiter>());
        Assert.Equal((true, false), (decision.Allowed, second.Allowed));
        Assert.False(cached.CacheHit);
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void Options_passed_in_win_over_configuration_and_bad_configuration_names_the_variable()
    {
        var good = new ServiceCollection()
            .AddSingleton(CacheOptionsTests.Configuration(("ORG_HOURLY_BUDGET_BYTES", "oops")))
            .AddCostsAndCaching(new ServiceOptions(), new CostOptions { HourlyBudgetBytes = 7 }, new CacheOptions())
            .BuildServiceProvider();
        var bad = new ServiceCollection()
            .AddSingleton(CacheOptionsTests.Configuration(("ORG_HOURLY_BUDGET_BYTES", "oops")))
            .AddCostsAndCaching(new ServiceOptions())
            .BuildServiceProvider();

        Assert.Equal(7, good.GetRequiredService<CostLimiter>().Options.HourlyBudgetBytes);
        var error = Assert.Throws<InvalidOperationException>(() => bad.GetRequiredService<CostGate>());
        Assert.Contains("ORG_HOURLY_BUDGET_BYTES", error.Message, StringComparison.Ordinal);
    }
}
