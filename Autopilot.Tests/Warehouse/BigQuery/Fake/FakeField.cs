using System.Text.Json.Nodes;
using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// A BigQuery schema field derived from a DuckDB type string: legacy type names as BigQuery's REST schemas use them
/// (INTEGER, FLOAT, BOOLEAN, RECORD), mode REPEATED for lists, nested fields for structs.
/// </summary>
internal sealed record FakeField(string Name, string Type, string Mode, IReadOnlyList<FakeField> Fields)
{
    public bool Repeated => Mode == "REPEATED";

    public static FakeField FromDuckDb(string name, string duckType, bool nullable = true)
    {
        var type = duckType.Trim();
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return FromDuckDb(name, type[..^2]) with { Mode = "REPEATED" };
        }

        if (type.StartsWith("STRUCT(", StringComparison.OrdinalIgnoreCase) && type.EndsWith(')'))
        {
            var fields = SplitTopLevel(type[7..^1]).Select(ParseMember).ToList();
            return new FakeField(name, "RECORD", nullable ? "NULLABLE" : "REQUIRED", fields);
        }

        var legacy = DuckDbTypes.ToBigQuery(type) switch
        {
            "INT64" => "INTEGER",
            "FLOAT64" => "FLOAT",
            "BOOL" => "BOOLEAN",
            "STRUCT" => "RECORD",
            var other => other,
        };
        return new FakeField(name, legacy, nullable ? "NULLABLE" : "REQUIRED", []);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["name"] = Name, ["type"] = Type, ["mode"] = Mode };
        if (Fields.Count > 0)
        {
            json["fields"] = new JsonArray(Fields.Select(f => (JsonNode)f.ToJson()).ToArray());
        }

        return json;
    }

    public static JsonObject SchemaJson(IEnumerable<FakeField> fields) =>
        new() { ["fields"] = new JsonArray(fields.Select(f => (JsonNode)f.ToJson()).ToArray()) };

    private static FakeField ParseMember(string member)
    {
        member = member.Trim();
        string name;
        string rest;
        if (member.StartsWith('"'))
        {
            var end = member.IndexOf('"', 1);
            name = member[1..end];
            rest = member[(end + 1)..];
        }
        else
        {
            var space = member.IndexOf(' ', StringComparison.Ordinal);
            name = member[..space];
            rest = member[(space + 1)..];
        }

        return FromDuckDb(name, rest);
    }

    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '(' when !quoted:
                    depth++;
                    break;
                case ')' when !quoted:
                    depth--;
                    break;
                case ',' when !quoted && depth == 0:
                    parts.Add(list[start..i]);
                    start = i + 1;
                    break;
            }
        }

        parts.Add(list[start..]);
        return parts;
    }
}
