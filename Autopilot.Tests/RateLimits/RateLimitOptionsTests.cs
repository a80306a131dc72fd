using Autopilot.Core;
using Autopilot.Core.RateLimits;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.RateLimits;

/// <summary>RATE_LIMIT_&lt;CLASS&gt; settings: one per <see cref="RouteClass"/>, parsed and validated at start, off unless set.</summary>
public sealed class RateLimitOptionsTests
{
    public static TheoryData<RouteClass> Classes() => [.. Enum.GetValues<RouteClass>()];

    public static TheoryData<string, int, int> GoodForms() => new()
    {
        { "600/m", 600, 60 },
        { "20/10s", 20, 10 },
        { "5000/h", 5000, 3600 },
        { "1/s", 1, 1 },
        { "100000/d", 100000, 86400 },
        { " 7 / 2m ", 7, 120 },
    };

    public static TheoryData<string> BadForms() => ["0/m", "-1/m", "10", "10/", "10/0s", "10/2d", "10/x", "1000001/m", "ten/m", "10/m/s", "10/1.5s"];

    [Fact]
    public void Nothing_set_means_no_limit_for_any_class()
    {
        var options = RateLimitOptions.Read(Configuration([]));

        Assert.False(options.Enabled);
        Assert.All(Enum.GetValues<RouteClass>(), c => Assert.Null(options.For(c)));
        Assert.False(Settings.Read(Configuration(Required())).RateLimits.Enabled);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Each_class_reads_its_own_setting_and_only_that(RouteClass routeClass)
    {
        var options = RateLimitOptions.Read(Configuration(new() { [RouteClasses.SettingOf(routeClass)] = "12/30s" }));

        Assert.Equal(new RateLimit(12, TimeSpan.FromSeconds(30)), options.For(routeClass));
        Assert.All(Enum.GetValues<RouteClass>().Where(c => c != routeClass), c => Assert.Null(options.For(c)));
    }

    [Theory]
    [MemberData(nameof(GoodForms))]
    public void Documented_forms_parse_to_requests_per_period(string text, int requests, int seconds)
    {
        Assert.True(RateLimitOptions.TryParse(text, out var limit));
        Assert.Equal(new RateLimit(requests, TimeSpan.FromSeconds(seconds)), limit);
    }

    [Theory]
    [MemberData(nameof(BadForms))]
    public void A_bad_value_stops_the_start_naming_the_variable(string text)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings.Read(Configuration(new(Required()) { ["RATE_LIMIT_WRITE"] = text })));

        Assert.Contains("RATE_LIMIT_WRITE", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Required() => new()
    {
        ["AZURE_STORAGE_CONNECTION_STRING"] = "UseDevelopmentStorage=true",
        ["AUTOPILOT_ENCRYPTION_KEY"] = TestEnvironment.NewEncryptionKey(),
    };

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
