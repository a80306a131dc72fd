using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// LLM-5's evaluation providers: <c>LLM_EVAL_ENABLED</c> and <c>LLM_EVAL_PROVIDERS_JSON</c> (a list of
/// <c>{name, base_url, api_key, model, timeout_seconds = 30, temperature = 0, enabled = true}</c>). A malformed entry is
/// skipped, as the seed did; <see cref="Skipped"/> says why, naming the entry but never its key.
/// </summary>
public sealed record LlmEvalOptions(bool Enabled, IReadOnlyList<LlmEvalProvider> Providers, IReadOnlyList<string> Skipped)
{
    public const string EnabledSetting = "LLM_EVAL_ENABLED";
    public const string ProvidersSetting = "LLM_EVAL_PROVIDERS_JSON";

    public static LlmEvalOptions Off { get; } = new(false, [], []);

    public static LlmEvalOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var enabled = configuration[EnabledSetting]?.Trim() is { Length: > 0 } raw && bool.TryParse(raw, out var on) && on;
        if (!enabled)
        {
            return Off;
        }

        var providers = new List<LlmEvalProvider>();
        var skipped = new List<string>();
        var json = configuration[ProvidersSetting];
        if (string.IsNullOrWhiteSpace(json))
        {
            return new LlmEvalOptions(true, providers, skipped);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return new LlmEvalOptions(true, providers, [$"{ProvidersSetting} is not a JSON list: no evaluation providers"]);
            }

            var index = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (Provider(entry, index++, out var problem) is { } provider)
                {
                    if (providers.Any(p => p.Name == provider.Name))
                    {
                        skipped.Add($"entry {index - 1} ('{provider.Name}'): the name is already used");
                    }
                    else
                    {
                        providers.Add(provider);
                    }
                }
                else if (problem is not null)
                {
                    skipped.Add(problem);
                }
            }
        }
        catch (JsonException)
        {
            skipped.Add($"{ProvidersSetting} is not valid JSON: no evaluation providers");
        }

        return new LlmEvalOptions(true, providers, skipped);
    }

    /// <summary>The entry as a provider; null (with the reason, or none for a disabled entry) when it cannot be one.</summary>
    private static LlmEvalProvider? Provider(JsonElement entry, int index, out string? problem)
    {
        problem = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            problem = $"entry {index}: not an object";
            return null;
        }

        var name = Text(entry, "name");
        var label = name is null ? $"entry {index}" : $"entry {index} ('{name}')";
        if (entry.TryGetProperty("enabled", out var flag) && flag.ValueKind == JsonValueKind.False)
        {
            return null;
        }

        var baseUrl = Text(entry, "base_url");
        var key = Text(entry, "api_key");
        var model = Text(entry, "model");
        var missing = new[] { ("name", name), ("base_url", baseUrl), ("api_key", key), ("model", model) }.Where(f => f.Item2 is null).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            problem = $"{label}: missing {string.Join(", ", missing)}";
            return null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"{label}: base_url is not an absolute http(s) URL";
            return null;
        }

        var timeout = Number(entry, "timeout_seconds", 30);
        var temperature = Number(entry, "temperature", 0);
        if (timeout is not (> 0 and <= 600) || temperature is not (>= 0 and <= 2))
        {
            problem = $"{label}: timeout_seconds must be 1–600 and temperature 0–2";
            return null;
        }

        return new LlmEvalProvider(name!, url, key!, model!, TimeSpan.FromSeconds(timeout!.Value), temperature!.Value);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0 ? value.GetString()!.Trim() : null;

    private static double? Number(JsonElement entry, string name, double fallback)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
