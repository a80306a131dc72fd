using System.Text.Json;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// The model's account of how it read the question (the <c>reading</c> of the plan schema): which word produced which
/// element, the subject, aggregation, filters, window and groupings. Absent or malformed gives null, and a plan without
/// a reading is not used (the run's accounting requires one); the values it names are checked against the data there.
/// </summary>
public static class LlmReadingParser
{
    public const int MaxWords = 100;

    public static PlanReading? Parse(string? answer, string question)
    {
        try
        {
            using var document = JsonDocument.Parse(answer ?? string.Empty, new JsonDocumentOptions { MaxDepth = 8 });
            if (!document.RootElement.TryGetProperty("reading", out var reading) || reading.ValueKind != JsonValueKind.Object
                || !reading.TryGetProperty("words", out var words) || words.ValueKind != JsonValueKind.Array || words.GetArrayLength() > MaxWords)
            {
                return null;
            }

            var used = new List<PlanWord>();
            foreach (var word in words.EnumerateArray())
            {
                if (word.TryGetProperty("word", out var text) && text.ValueKind == JsonValueKind.String
                    && word.TryGetProperty("element", out var element) && Enum.TryParse<PlanElement>(element.GetString(), ignoreCase: true, out var parsed))
                {
                    used.Add(new PlanWord(text.GetString()!, parsed));
                }
            }

            var filters = new List<PlanFilterReading>();
            if (reading.TryGetProperty("filters", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var filter in list.EnumerateArray())
                {
                    filters.Add(new PlanFilterReading(
                        filter.GetProperty("table").GetString() ?? string.Empty,
                        filter.GetProperty("column").GetString() ?? string.Empty,
                        filter.GetProperty("values").EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList()));
                }
            }

            return new PlanReading(question, Text(reading, "subject"), Text(reading, "aggregation").ToUpperInvariant(), filters,
                reading.TryGetProperty("window", out var window) && window.ValueKind == JsonValueKind.String ? window.GetString() : null,
                reading.TryGetProperty("groupings", out var groups) && groups.ValueKind == JsonValueKind.Array ? groups.EnumerateArray().Select(g => g.GetString() ?? string.Empty).ToList() : [],
                used, "I read this as: " + Text(reading, "interpretation"));
        }
        catch (Exception failure) when (failure is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
