using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// Reads a model's answer into an <see cref="AgentPlan"/>, trusting nothing: the text must be one JSON object of the plan
/// schema with fields of the right types and sizes. Anything else is a rejection with a reason, never an exception.
/// Whether the plan's tables and columns exist is the plan validator's business, not this reader's.
/// </summary>
public static partial class LlmPlanReader
{
    public const string PlannerName = "llm";
    public const string Tool = "execute_query";
    public const int MaxSteps = 3;
    public const int DefaultMaxSqlLength = 4000;
    public const int MaxAnswerLength = 64 * 1024;
    public const int MaxGoalLength = 500;
    public const int MaxDescriptionLength = 500;
    public const int MaxRisks = 10;
    public const int MaxRiskLength = 300;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 8, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, AllowDuplicateProperties = false };

    public static LlmPlanReading Read(string? answer, int maxSqlLength = DefaultMaxSqlLength)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return Reject("the answer is empty");
        }

        if (answer.Length > MaxAnswerLength)
        {
            return Reject($"the answer is {answer.Length} characters, over {MaxAnswerLength}");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Unfenced(answer), ParseOptions);
        }
        catch (JsonException invalid)
        {
            return Reject($"the answer is not JSON ({invalid.Message})");
        }

        using (document)
        {
            return ReadPlan(document.RootElement, maxSqlLength);
        }
    }

    private static LlmPlanReading ReadPlan(JsonElement root, int maxSqlLength)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Reject($"the answer is a JSON {Kind(root)}, not an object");
        }

        if (Text(root, "goal", MaxGoalLength, out var goal) is { } goalError)
        {
            return Reject(goalError);
        }

        if (!root.TryGetProperty("expected_shape", out var shapeElement) || shapeElement.ValueKind != JsonValueKind.String)
        {
            return Reject("expected_shape is missing or not a string");
        }

        ResultShape? shape = shapeElement.GetString() switch
        {
            "scalar" => ResultShape.Scalar,
            "series" => ResultShape.Series,
            "table" => ResultShape.Table,
            _ => null,
        };
        if (shape is null)
        {
            return Reject("expected_shape is not one of scalar, series, table");
        }

        if (Risks(root, out var risks) is { } risksError)
        {
            return Reject(risksError);
        }

        if (!root.TryGetProperty("steps", out var stepsElement) || stepsElement.ValueKind != JsonValueKind.Array)
        {
            return Reject("steps is missing or not an array");
        }

        var count = stepsElement.GetArrayLength();
        if (count == 0)
        {
            return Reject("the plan has no steps" + (risks.Count > 0 ? ": " + risks[0] : string.Empty));
        }

        if (count > MaxSteps)
        {
            return Reject($"the plan has {count} steps, over {MaxSteps}");
        }

        var steps = new List<PlanStep>(count);
        foreach (var item in stepsElement.EnumerateArray())
        {
            if (Step(item, steps.Count, maxSqlLength, out var step) is { } stepError)
            {
                return Reject(stepError);
            }

            if (steps.Any(s => string.Equals(s.StepId, step!.StepId, StringComparison.OrdinalIgnoreCase)))
            {
                return Reject($"step_id '{step!.StepId}' is used twice");
            }

            steps.Add(step!);
        }

        return new LlmPlanReading(new AgentPlan(goal, steps, risks, [], shape.Value, PlannerName), null);
    }

    private static string? Step(JsonElement item, int index, int maxSqlLength, out PlanStep? step)
    {
        step = null;
        var where = $"steps[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            return $"{where} is a JSON {Kind(item)}, not an object";
        }

        if (!item.TryGetProperty("step_id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
        {
            return $"{where}.step_id is missing or not a string";
        }

        var stepId = idElement.GetString()!;
        if (!StepIdPattern().IsMatch(stepId))
        {
            return $"{where}.step_id is not 1 to 64 letters, digits, '_', '-' or '.'";
        }

        if (!item.TryGetProperty("sql", out var sqlElement) || sqlElement.ValueKind != JsonValueKind.String)
        {
            return $"{where}.sql is missing or not a string";
        }

        var sql = sqlElement.GetString()!.Trim();
        if (sql.Length == 0)
        {
            return $"{where}.sql is empty";
        }

        if (sql.Length > maxSqlLength)
        {
            return $"{where}.sql is {sql.Length} characters, over {maxSqlLength}";
        }

        if (sql.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            return $"{where}.sql contains control characters";
        }

        if (Text(item, "description", MaxDescriptionLength, out var description, where + ".") is { } descriptionError)
        {
            return descriptionError;
        }

        step = new PlanStep(stepId, Tool, sql, description);
        return null;
    }

    private static string? Risks(JsonElement root, out IReadOnlyList<string> risks)
    {
        risks = [];
        if (!root.TryGetProperty("risks", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return "risks is missing or not an array";
        }

        if (element.GetArrayLength() > MaxRisks)
        {
            return $"risks has {element.GetArrayLength()} entries, over {MaxRisks}";
        }

        var list = new List<string>();
        foreach (var risk in element.EnumerateArray())
        {
            if (risk.ValueKind != JsonValueKind.String)
            {
                return "risks holds a non-string entry";
            }

            var text = Printable(risk.GetString()!);
            if (text.Length > MaxRiskLength)
            {
                return $"a risk is {text.Length} characters, over {MaxRiskLength}";
            }

            if (text.Length > 0)
            {
                list.Add(text);
            }
        }

        risks = list;
        return null;
    }

    private static string? Text(JsonElement parent, string name, int maxLength, out string value, string where = "")
    {
        value = string.Empty;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String)
        {
            return $"{where}{name} is missing or not a string";
        }

        value = Printable(element.GetString()!);
        if (value.Length == 0)
        {
            return $"{where}{name} is empty";
        }

        return value.Length > maxLength ? $"{where}{name} is {value.Length} characters, over {maxLength}" : null;
    }

    // Text shown to people later (goal, descriptions, risks): one line, without control or invisible format characters.
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd();
    }

    // Some OpenAI-compatible services wrap JSON in a ```json fence even in JSON mode; the fence is not part of the answer.
    private static string Unfenced(string answer)
    {
        var match = Fence().Match(answer);
        return match.Success ? match.Groups["body"].Value : answer;
    }

    private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static LlmPlanReading Reject(string reason) => new(null, reason);

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StepIdPattern();

    [GeneratedRegex(@"^\s*```(?:json)?[ \t]*\r?\n(?<body>.*)\r?\n```\s*\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fence();
}
