using Autopilot.Core.Caching;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Caching;

public sealed class CacheOptionsTests
{
    [Fact]
    public void Defaults_are_an_hour_for_schemas_and_profiles_and_five_minutes_for_queries()
    {
        var options = CacheOptions.Read(Configuration());

        Assert.Equal((3600d, 3600d, 300d), (options.SchemaTtl.TotalSeconds, options.ProfileTtl.TotalSeconds, options.QueryTtl.TotalSeconds));
        Assert.Equal(options.QueryTtl, options.TtlFor(CacheDomain.Query));
    }

    [Fact]
    public void The_TTL_variables_are_read()
    {
        var options = CacheOptions.Read(Configuration(("SCHEMA_CACHE_TTL_SECONDS", "60"), ("QUERY_CACHE_TTL_SECONDS", " 5 ")));

        Assert.Equal((60d, 5d), (options.TtlFor(CacheDomain.Schema).TotalSeconds, options.TtlFor(CacheDomain.Query).TotalSeconds));
    }

    [Theory]
    [InlineData("SCHEMA_CACHE_TTL_SECONDS", "an hour")]
    [InlineData("SCHEMA_CACHE_TTL_SECONDS", "0")]
    [InlineData("QUERY_CACHE_TTL_SECONDS", "-5")]
    [InlineData("QUERY_CACHE_TTL_SECONDS", "1.5")]
    public void A_bad_TTL_is_refused_naming_the_variable(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CacheOptions.Read(Configuration((key, value))));

        Assert.StartsWith(key, error.Message, StringComparison.Ordinal);
    }

    internal static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
