using Autopilot.Core.Agent.Llm;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Tests.Agent.Llm;

public sealed class LlmPlannerOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    private static string Failure(params (string Key, string Value)[] values) =>
        Assert.Throws<InvalidOperationException>(() => LlmPlannerOptions.Read(Config(values))).Message;

    [Fact]
    public void The_planner_is_off_by_default_even_with_llm_settings_present()
    {
        Assert.Null(LlmPlannerOptions.Read(Config()));
        Assert.Null(LlmPlannerOptions.Read(Config(("LLM_API_KEY", "sk-1"), ("LLM_MODEL", "gpt-4o-mini"))));
        Assert.Null(LlmPlannerOptions.Read(Config(("AGENT_LLM_PLANNER", "false"), ("LLM_PROVIDER", "nonsense"))));
    }

    [Fact]
    public void Enabled_without_key_and_model_fails_naming_each_variable_to_set()
    {
        var message = Failure(("AGENT_LLM_PLANNER", "true"), ("LLM_PROVIDER", "openai"));

        Assert.Contains("AGENT_LLM_PLANNER=true", message, StringComparison.Ordinal);
        Assert.Contains("set LLM_API_KEY", message, StringComparison.Ordinal);
        Assert.Contains("set LLM_MODEL", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LLM_ENDPOINT", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enabled_without_a_provider_fails_naming_the_choices()
    {
        Assert.Contains("set LLM_PROVIDER to openai or azure-openai", Failure(("AGENT_LLM_PLANNER", "true"), ("LLM_API_KEY", "k"), ("LLM_MODEL", "m")), StringComparison.Ordinal);
        Assert.Contains("LLM_PROVIDER must be openai or azure-openai, not 'anthropic'", Failure(("AGENT_LLM_PLANNER", "true"), ("LLM_PROVIDER", "anthropic"), ("LLM_API_KEY", "k"), ("LLM_MODEL", "m")), StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_an_endpoint_fails_naming_llm_endpoint()
    {
        var message = Failure(("AGENT_LLM_PLANNER", "true"), ("LLM_PROVIDER", "azure-openai"), ("LLM_API_KEY", "k"), ("LLM_MODEL", "my-deployment"));

        Assert.Contains("set LLM_ENDPOINT", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LLM_API_KEY", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AGENT_LLM_PLANNER", "yes", "AGENT_LLM_PLANNER must be true or false; got 'yes'")]
    [InlineData("LLM_TEMPERATURE", "2.5", "LLM_TEMPERATURE must be a number from 0 to 2, not '2.5'")]
    [InlineData("LLM_TEMPERATURE", "-0.1", "LLM_TEMPERATURE must be a number from 0 to 2")]
    [InlineData("LLM_TIMEOUT_SECONDS", "0", "LLM_TIMEOUT_SECONDS must be a number from 1 to 600, not '0'")]
    [InlineData("LLM_API_BASE_URL", "api.openai.com/v1", "LLM_API_BASE_URL must be an absolute http(s) URL")]
    [InlineData("LLM_ENDPOINT", "ftp://x", "LLM_ENDPOINT must be an absolute http(s) URL")]
    public void Invalid_values_fail_with_the_variable_and_the_allowed_range(string key, string value, string expected)
    {
        var values = new Dictionary<string, string> { ["AGENT_LLM_PLANNER"] = "true", ["LLM_PROVIDER"] = "openai", ["LLM_API_KEY"] = "k", ["LLM_MODEL"] = "m", [key] = value };

        Assert.Contains(expected, Failure(values.Select(v => (v.Key, v.Value)).ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Openai_reads_its_defaults()
    {
        var options = LlmPlannerOptions.Read(Config(("AGENT_LLM_PLANNER", "True"), ("LLM_PROVIDER", "OpenAI"), ("LLM_API_KEY", " sk-1 "), ("LLM_MODEL", "gpt-4o-mini")));

        Assert.NotNull(options);
        Assert.Equal(LlmProvider.OpenAI, options.Provider);
        Assert.Equal("gpt-4o-mini", options.Model);
        Assert.Equal("sk-1", options.ApiKey);
        Assert.Equal(new Uri("https://api.openai.com/v1"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(0, options.Temperature);
        Assert.Null(options.Endpoint);
    }

    [Fact]
    public void Azure_reads_endpoint_timeout_and_temperature_and_never_prints_the_key()
    {
        var options = LlmPlannerOptions.Read(Config(
            ("AGENT_LLM_PLANNER", "true"), ("LLM_PROVIDER", "azure-openai"), ("LLM_API_KEY", "secret-key-123"), ("LLM_MODEL", "plan-deployment"),
            ("LLM_ENDPOINT", "https://contoso.openai.azure.com"), ("LLM_TIMEOUT_SECONDS", "12"), ("LLM_TEMPERATURE", "0.2")));

        Assert.NotNull(options);
        Assert.Equal(LlmProvider.AzureOpenAI, options.Provider);
        Assert.Equal(new Uri("https://contoso.openai.azure.com"), options.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
        Assert.Equal(0.2, options.Temperature);
        Assert.Equal(new Uri("https://contoso.openai.azure.com/openai/v1/"), LlmChatClientFactory.EndpointOf(options));
        Assert.DoesNotContain("secret-key-123", options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("http://127.0.0.1:5000/proxy", "http://127.0.0.1:5000/proxy/openai/v1/")]
    public void The_azure_endpoint_becomes_the_v1_api_base(string endpoint, string expected)
    {
        var options = new LlmPlannerOptions { Provider = LlmProvider.AzureOpenAI, Model = "d", ApiKey = "k", Endpoint = new Uri(endpoint) };

        Assert.Equal(new Uri(expected), LlmChatClientFactory.EndpointOf(options));
    }
}
