using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Autopilot.Core.Engine;

namespace Autopilot.Core.ApiDocs;

/// <summary>
/// JSON Schemas of the document's components, generated from the .NET types with the BCL's <see cref="JsonSchemaExporter"/>
/// under the API's own serializer options (snake_case, enums as strings), so a schema names what the API writes.
/// </summary>
internal sealed class OpenApiSchemas
{
    /// <summary>
    /// The API's options, plus: constructor parameters are required (a positional record's fields are always written) and
    /// nullable annotations decide whether null is allowed.
    /// </summary>
    private static readonly JsonSerializerOptions SchemaOptions = new(AutopilotJson.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private readonly SortedDictionary<string, JsonNode> _schemas = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];

    /// <summary>A <c>$ref</c> to the type's component schema, adding it on first use.</summary>
    public JsonObject Reference(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!_names.TryGetValue(type, out var name))
        {
            name = UniqueName(type);
            _names[type] = name;
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(SchemaOptions, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            _schemas[name] = Rebase(schema, "#/components/schemas/" + name);
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    public JsonObject Components()
    {
        var components = new JsonObject();
        foreach (var (name, schema) in _schemas)
        {
            components[name] = schema.DeepClone();
        }

        return components;
    }

    private string UniqueName(Type type)
    {
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + string.Concat(type.GetGenericArguments().Select(a => a.Name)) : type.Name;
        var unique = name;
        for (var n = 2; _schemas.ContainsKey(unique); n++)
        {
            unique = name + n;
        }

        return unique;
    }

    /// <summary>The exporter writes references relative to the schema's root (<c>#</c>, <c>#/properties/...</c>); rebase them on the component.</summary>
    private static JsonNode Rebase(JsonNode node, string root)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (key == "$ref" && value is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith('#'))
                    {
                        obj[key] = root + target[1..];
                    }
                    else if (value is not null)
                    {
                        Rebase(value, root);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Rebase(item, root);
                    }
                }

                break;
        }

        return node;
    }
}
