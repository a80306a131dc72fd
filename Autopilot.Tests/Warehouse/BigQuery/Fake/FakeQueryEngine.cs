using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// Runs the BigQuery SQL the fake receives on its DuckDB file after a minimal translation: backtick paths
/// (<c>`project.dataset.table`</c>, <c>`project`.`dataset`.`table`</c>) become <c>"dataset"."table"</c>, and
/// <c>CAST(… AS STRING|INT64|FLOAT64)</c> the DuckDB type names. Bytes are estimated as BigQuery bills them: the
/// logical bytes of every column of a referenced table that the text mentions (all of them for <c>*</c>).
/// </summary>
internal sealed partial class FakeQueryEngine
{
    private readonly string _project;
    private readonly IReadOnlyList<FakeTable> _tables;

    public FakeQueryEngine(string project, IReadOnlyList<FakeTable> tables)
    {
        _project = project;
        _tables = tables;
    }

    public IReadOnlyList<FakeTable> Tables => _tables;

    public string Translate(string sql)
    {
        var translated = BacktickPattern().Replace(sql, m =>
        {
            var parts = m.Groups[1].Value.Replace("\\`", "`", StringComparison.Ordinal).Split('.');
            if (parts.Length == 3)
            {
                parts = parts[1..];
            }

            return string.Join(".", parts.Select(p => "\"" + p.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        });
        translated = translated.Replace($"\"{_project}\".", "", StringComparison.Ordinal);
        return CastTypePattern().Replace(translated, m => "AS " + m.Groups[1].Value.ToUpperInvariant() switch
        {
            "STRING" => "VARCHAR",
            "INT64" => "BIGINT",
            _ => "DOUBLE",
        });
    }

    /// <summary>BigQuery's statementType for the statement's first keyword.</summary>
    public static string StatementType(string sql)
    {
        var keyword = FirstKeywordPattern().Match(sql).Groups[1].Value.ToUpperInvariant();
        return keyword switch
        {
            "SELECT" or "WITH" or "" => "SELECT",
            "INSERT" or "UPDATE" or "DELETE" or "MERGE" or "TRUNCATE" => keyword,
            "CREATE" => "CREATE_TABLE",
            "DROP" => "DROP_TABLE",
            "ALTER" => "ALTER_TABLE",
            _ => "SCRIPT",
        };
    }

    public IReadOnlyList<FakeTable> ReferencedTables(string translated)
    {
        var found = new List<FakeTable>();
        foreach (Match m in TablePathPattern().Matches(translated))
        {
            var table = _tables.FirstOrDefault(t =>
                string.Equals(t.Dataset, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)
                && string.Equals(t.Name, m.Groups[2].Value, StringComparison.OrdinalIgnoreCase));
            if (table is not null && !found.Contains(table))
            {
                found.Add(table);
            }
        }

        return found;
    }

    public long EstimateBytes(string translated)
    {
        var star = StarPattern().IsMatch(translated);
        long bytes = 0;
        foreach (var table in ReferencedTables(translated))
        {
            foreach (var (column, size) in table.ColumnBytes)
            {
                if (star || Regex.IsMatch(translated, $@"(?<![\w]){Regex.Escape(column)}(?![\w])", RegexOptions.IgnoreCase))
                {
                    bytes += size;
                }
            }
        }

        return bytes;
    }

    /// <summary>Checks the statement parses and binds (DuckDB's EXPLAIN); the error text on failure, else null.</summary>
    public string? Validate(string translated)
    {
        try
        {
            using var connection = DemoWarehouse.OpenReadOnly(FakeWarehouseData.Path);
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN " + translated;
            command.ExecuteNonQuery();
            return null;
        }
        catch (DuckDBException e)
        {
            return e.Message;
        }
    }

    /// <summary>Runs a query: its schema and all its rows in BigQuery's row format.</summary>
    public async Task<(IReadOnlyList<FakeField> Fields, IReadOnlyList<JsonObject> Rows)> ExecuteAsync(string translated, CancellationToken ct)
    {
        using var connection = DemoWarehouse.OpenReadOnly(FakeWarehouseData.Path);
        var fields = new List<FakeField>();
        await using (var describe = connection.CreateCommand())
        {
            describe.CommandText = "DESCRIBE " + translated;
            await using var reader = await describe.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                fields.Add(FakeField.FromDuckDb(reader.GetString(0), reader.GetString(1)));
            }
        }

        var rows = new List<JsonObject>();
        await using var command = connection.CreateCommand();
        command.CommandText = translated;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(FakeCells.Row(values, fields));
            }
        }

        return (fields, rows);
    }

    [GeneratedRegex(@"`((?:[^`\\]|\\.)*)`")]
    private static partial Regex BacktickPattern();

    [GeneratedRegex(@"\bAS\s+(STRING|INT64|FLOAT64)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CastTypePattern();

    [GeneratedRegex(@"^[\s(]*([A-Za-z]+)")]
    private static partial Regex FirstKeywordPattern();

    [GeneratedRegex(@"""?(\w+)""?\s*\.\s*""?(\w+)""?")]
    private static partial Regex TablePathPattern();

    [GeneratedRegex(@"SELECT\s+(?:DISTINCT\s+)?\*|,\s*\*\s*(?:,|FROM)|\.\*", RegexOptions.IgnoreCase)]
    private static partial Regex StarPattern();
}
