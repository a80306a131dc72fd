using System.Globalization;
using System.Text.Json;

namespace Autopilot.Core.Llm;

/// <summary>
/// USD per million tokens, input and output, by model (LLM-6's table), with an operator's overrides from
/// <c>LLM_COST_RATES_JSON</c> (<c>{"model": [input, output], ...}</c>); a model in neither costs the default 1.00/4.00.
/// </summary>
public sealed class LlmRates
{
    public const string Setting = "LLM_COST_RATES_JSON";

    private static readonly (decimal Input, decimal Output) Fallback = (1.00m, 4.00m);

    private readonly Dictionary<string, (decimal Input, decimal Output)> _rates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grok-4-fast"] = (0.60m, 2.40m),
        ["gpt-5-mini"] = (1.50m, 6.00m),
        ["claude-sonnet-4-5-20250929"] = (3.00m, 15.00m),
    };

    public static LlmRates Default { get; } = new();

    /// <summary>The table with <paramref name="json"/>'s overrides; an error names what is wrong with it.</summary>
    public static LlmRates Parse(string? json, out string? error)
    {
        error = null;
        var rates = new LlmRates();
        if (string.IsNullOrWhiteSpace(json))
        {
            return rates;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = $"{Setting} must be a JSON object of model → [input, output] USD per million tokens.";
                return rates;
            }

            foreach (var model in document.RootElement.EnumerateObject())
            {
                if (model.Value is not { ValueKind: JsonValueKind.Array } pair || pair.GetArrayLength() != 2
                    || !pair[0].TryGetDecimal(out var input) || !pair[1].TryGetDecimal(out var output) || input < 0 || output < 0)
                {
                    error = $"{Setting}: '{model.Name}' must be [input, output], two non-negative numbers (USD per million tokens).";
                    return rates;
                }

                rates._rates[model.Name] = (input, output);
            }
        }
        catch (JsonException failure)
        {
            error = $"{Setting} is not valid JSON: {failure.Message}";
        }

        return rates;
    }

    /// <summary>The cost of one call, rounded to 6 decimals (LLM-6).</summary>
    public decimal Cost(string? model, long inputTokens, long outputTokens)
    {
        var (input, output) = model is not null && _rates.TryGetValue(model, out var rate) ? rate : Fallback;
        return Math.Round((inputTokens * input + outputTokens * output) / 1_000_000m, 6);
    }

    public override string ToString() =>
        string.Join(", ", _rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value.Input}/{r.Value.Output}")));
}
