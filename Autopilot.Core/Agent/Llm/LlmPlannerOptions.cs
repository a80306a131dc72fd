using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// Settings of the optional language-model planner. It is off unless <c>AGENT_LLM_PLANNER=true</c>; once on, the provider,
/// model and key are required, and an Azure OpenAI provider also needs its endpoint.
/// </summary>
public sealed record LlmPlannerOptions
{
    public static readonly Uri DefaultBaseUrl = new("https://api.openai.com/v1");

    public LlmProvider Provider { get; init; } = LlmProvider.OpenAI;

    /// <summary>The model name (OpenAI) or the deployment name (Azure OpenAI).</summary>
    public required string Model { get; init; }

    public required string ApiKey { get; init; }

    /// <summary>Base of an OpenAI-compatible API; requests go to <c>{BaseUrl}/chat/completions</c>.</summary>
    public Uri BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>The Azure OpenAI resource (<c>https://NAME.openai.azure.com</c>); only for <see cref="LlmProvider.AzureOpenAI"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Bounds one planning call, retries included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public double Temperature { get; init; }

    /// <summary>
    /// Reads AGENT_LLM_PLANNER, LLM_PROVIDER, LLM_MODEL, LLM_API_KEY, LLM_ENDPOINT, LLM_API_BASE_URL, LLM_TIMEOUT_SECONDS and
    /// LLM_TEMPERATURE. Null when the planner is off (the default).
    /// </summary>
    /// <exception cref="InvalidOperationException">The planner is on but a setting is missing or invalid; the message names each variable to set.</exception>
    public static LlmPlannerOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var switchValue = Value(configuration, "AGENT_LLM_PLANNER");
        if (switchValue.Length == 0)
        {
            return null;
        }

        if (!bool.TryParse(switchValue, out var enabled))
        {
            throw new InvalidOperationException($"AGENT_LLM_PLANNER must be true or false; got '{switchValue}'.");
        }

        if (!enabled)
        {
            return null;
        }

        var errors = new List<string>();
        var provider = ReadProvider(configuration, errors);
        var model = Value(configuration, "LLM_MODEL");
        if (model.Length == 0)
        {
            errors.Add("set LLM_MODEL to the model name (for azure-openai, the deployment name)");
        }

        var apiKey = Value(configuration, "LLM_API_KEY");
        if (apiKey.Length == 0)
        {
            errors.Add("set LLM_API_KEY to the provider's API key");
        }

        var baseUrl = ReadUrl(configuration, "LLM_API_BASE_URL", errors) ?? DefaultBaseUrl;
        var endpoint = ReadUrl(configuration, "LLM_ENDPOINT", errors);
        if (provider == LlmProvider.AzureOpenAI && endpoint is null && Value(configuration, "LLM_ENDPOINT").Length == 0)
        {
            errors.Add("set LLM_ENDPOINT to the Azure OpenAI resource URL (https://NAME.openai.azure.com) for LLM_PROVIDER=azure-openai");
        }

        var timeoutSeconds = ReadNumber(configuration, "LLM_TIMEOUT_SECONDS", 30, 1, 600, errors);
        var temperature = ReadNumber(configuration, "LLM_TEMPERATURE", 0, 0, 2, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("AGENT_LLM_PLANNER=true, but the language-model planner is not fully configured: " + string.Join("; ", errors) + ".");
        }

        return new LlmPlannerOptions
        {
            Provider = provider!.Value,
            Model = model,
            ApiKey = apiKey,
            BaseUrl = baseUrl,
            Endpoint = endpoint,
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Temperature = temperature,
        };
    }

    // Keeps the API key out of logs and exception messages that print the options.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Provider = {Provider}, Model = {Model}, ApiKey = ***, BaseUrl = {BaseUrl}, Endpoint = {Endpoint}, Timeout = {Timeout}, Temperature = {Temperature}");
        return true;
    }

    private static LlmProvider? ReadProvider(IConfiguration configuration, List<string> errors)
    {
        var raw = Value(configuration, "LLM_PROVIDER");
        switch (raw.ToLowerInvariant())
        {
            case "openai":
                return LlmProvider.OpenAI;
            case "azure-openai":
                return LlmProvider.AzureOpenAI;
            case "":
                errors.Add("set LLM_PROVIDER to openai or azure-openai");
                return null;
            default:
                errors.Add($"LLM_PROVIDER must be openai or azure-openai, not '{raw}'");
                return null;
        }
    }

    private static Uri? ReadUrl(IConfiguration configuration, string key, List<string> errors)
    {
        var raw = Value(configuration, key);
        if (raw.Length == 0)
        {
            return null;
        }

        if (Uri.TryCreate(raw, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        errors.Add($"{key} must be an absolute http(s) URL, not '{raw}'");
        return null;
    }

    private static double ReadNumber(IConfiguration configuration, string key, double fallback, double min, double max, List<string> errors)
    {
        var raw = Value(configuration, key);
        if (raw.Length == 0)
        {
            return fallback;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{raw}'");
        return fallback;
    }

    private static string Value(IConfiguration configuration, string key) => configuration[key]?.Trim() ?? string.Empty;
}
