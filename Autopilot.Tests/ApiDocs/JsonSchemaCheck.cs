using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autopilot.Tests.ApiDocs;

/// <summary>
/// Checks a JSON value against a schema of the OpenAPI document, the subset the document uses: <c>$ref</c> into the
/// document, <c>type</c> (one or a list), <c>properties</c> + <c>required</c>, <c>items</c>, <c>additionalProperties</c>,
/// <c>enum</c>. Returns one line per mismatch, naming where.
/// </summary>
public static class JsonSchemaCheck
{
    public static IReadOnlyList<string> Problems(JsonNode document, JsonNode? schema, JsonNode? value, string at = "$")
    {
        var problems = new List<string>();
        Check(document, schema, value, at, problems, 0);
        return problems;
    }

    /// <summary>The node a local <c>$ref</c> (<c>#/a/b</c>) points at, or null when it points nowhere.</summary>
    public static JsonNode? Resolve(JsonNode document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return reference == "#" ? document : null;
        }

        JsonNode? node = document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var key = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[key],
                JsonArray array when int.TryParse(key, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void Check(JsonNode document, JsonNode? schema, JsonNode? value, string at, List<string> problems, int depth)
    {
        if (depth > 64 || schema is null || schema is JsonValue)
        {
            return; // true / {} / depth guard: anything goes
        }

        var rules = schema.AsObject();
        if (rules["$ref"] is JsonValue reference)
        {
            var target = Resolve(document, reference.GetValue<string>());
            if (target is null)
            {
                problems.Add($"{at}: $ref {reference} does not resolve");
                return;
            }

            Check(document, target, value, at, problems, depth + 1);
            return;
        }

        var kind = KindOf(value);
        if (rules["type"] is { } type)
        {
            var allowed = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!allowed.Contains(kind) && !(kind == "integer" && allowed.Contains("number")))
            {
                problems.Add($"{at}: expected {string.Join("|", allowed)}, got {kind}");
                return;
            }
        }

        if (rules["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            problems.Add($"{at}: {value?.ToJsonString()} is not one of {options.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            foreach (var name in rules["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!obj.ContainsKey(name))
                {
                    problems.Add($"{at}: required property '{name}' is missing");
                }
            }

            var properties = rules["properties"] as JsonObject;
            foreach (var (name, item) in obj)
            {
                if (properties?[name] is { } property)
                {
                    Check(document, property, item, $"{at}.{name}", problems, depth + 1);
                }
                else if (rules["additionalProperties"] is JsonObject extra)
                {
                    Check(document, extra, item, $"{at}.{name}", problems, depth + 1);
                }
            }
        }
        else if (value is JsonArray array && rules["items"] is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(document, items, array[i], $"{at}[{i}]", problems, depth + 1);
            }
        }
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().Contains('.', StringComparison.Ordinal) || value.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase) ? "number" : "integer",
        _ => "unknown",
    };
}
