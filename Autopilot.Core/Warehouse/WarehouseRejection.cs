using System.Text.RegularExpressions;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// Turns a warehouse's refusal of a query (DuckDB's Catalog/Binder errors, BigQuery's dry-run errors) into one reason a
/// user can act on, worded the same for every warehouse and naming the missing table, dataset, column or function —
/// without the engine's error class, line pointers, stack text or "did you mean" hints about its internal schemas.
/// </summary>
public static partial class WarehouseRejection
{
    private const int MaxFallbackLength = 200;

    /// <summary>The patterns, most specific first; each yields the reason from its named groups.</summary>
    private static readonly (Regex Pattern, Func<Match, string> Reason)[] Rules =
    [
        // BigQuery: "Not found: Table my-project:analytics.t was not found in location US"
        (BigQueryNotFound(), m => NoSuch(m.Groups["kind"].Value.ToLowerInvariant(), WithoutProject(m.Groups["name"].Value))),
        // BigQuery: Table name "users" missing dataset while no default dataset is set in the request.
        (BigQueryMissingDataset(), m => NoSuch("table", m.Groups["name"].Value) + " (name a table with its dataset, as dataset.table)"),
        // BigQuery: "Unrecognized name: c at [1:8]" / "Name c not found inside t at [1:8]"
        (BigQueryUnrecognizedName(), m => NoSuch("column", m.Groups["name"].Value)),
        (BigQueryNameInside(), m => NoSuch("column", m.Groups["name"].Value) + $" in {m.Groups["table"].Value}"),
        // BigQuery: "Function not found: f at [1:8]"
        (BigQueryFunctionNotFound(), m => NoSuch("function", m.Groups["name"].Value)),
        // BigQuery: "No matching signature for function F for argument types: ..."
        (BigQueryNoSignature(), m => WrongArguments(m.Groups["name"].Value)),
        // BigQuery: "SELECT list expression references column c which is neither grouped nor aggregated"
        (BigQueryNotGrouped(), m => NotGrouped(m.Groups["name"].Value)),
        // DuckDB: "Catalog Error: Table with name t does not exist!" (also Scalar/Aggregate/Table Function, Schema)
        (DuckDbNoSuchEntry(), m => NoSuch(DuckDbKind(m.Groups["kind"].Value), m.Groups["name"].Value)),
        // DuckDB: 'Referenced table "t" not found!'
        (DuckDbReferencedTable(), m => NoSuch("table", m.Groups["name"].Value)),
        // DuckDB: 'Referenced column "c" not found in FROM clause!' / '... and can't find in alias map.'
        (DuckDbReferencedColumn(), m => NoSuch("column", m.Groups["name"].Value)),
        // DuckDB: 'Table "t" does not have a column named "c"' (also Values list, Binding)
        (DuckDbNoColumnNamed(), m => NoSuch("column", m.Groups["name"].Value) + $" in {m.Groups["table"].Value}"),
        // DuckDB: "No function matches the given name and argument types 'f(VARCHAR)'."
        (DuckDbNoSignature(), m => WrongArguments(m.Groups["name"].Value)),
        // DuckDB: 'column "c" must appear in the GROUP BY clause or must be part of an aggregate function.'
        (DuckDbNotGrouped(), m => NotGrouped(m.Groups["name"].Value)),
    ];

    /// <summary>The reason for a warehouse's error message (already wrapped or not); never empty.</summary>
    public static string Describe(string? message)
    {
        var text = message ?? string.Empty;
        foreach (var (pattern, reason) in Rules)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return reason(match);
            }
        }

        return "The warehouse cannot run this query: " + Clean(text);
    }

    private static string NoSuch(string kind, string name) => $"The warehouse has no {kind} named {name.Trim('"', '`', '\'')}";

    private static string WrongArguments(string function) =>
        $"The function {function.Trim('"', '`', '\'')} does not accept these argument types";

    private static string NotGrouped(string column) =>
        $"Column {column.Trim('"', '`', '\'')} must appear in the GROUP BY clause or be used in an aggregate function";

    private static string DuckDbKind(string kind) => kind switch
    {
        "Schema" or "Catalog" => "dataset",
        "Table" or "View" => "table",
        _ when kind.EndsWith("Function", StringComparison.Ordinal) => "function",
        _ => kind.ToLowerInvariant(),
    };

    private static string WithoutProject(string name) => name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..];

    /// <summary>The message's first line without wrappers, engine error classes, positions or hints.</summary>
    private static string Clean(string text)
    {
        var line = text.ReplaceLineEndings("\n").Split('\n', 2)[0];
        line = Wrapper().Replace(line, string.Empty);
        line = ErrorClass().Replace(line, string.Empty);
        line = Position().Replace(line, string.Empty).Trim().TrimEnd('!', '.').Trim();
        if (line.Length == 0)
        {
            return "it was refused";
        }

        return line.Length <= MaxFallbackLength ? line : string.Concat(line.AsSpan(0, MaxFallbackLength), "…");
    }

    [GeneratedRegex(@"Not found: (?<kind>Table|Dataset|View) (?<name>[^\s]+) was not found", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryNotFound();

    [GeneratedRegex(@"Table name ""(?<name>[^""]+)"" missing dataset", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryMissingDataset();

    [GeneratedRegex(@"Unrecognized name: (?<name>[^\s;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryUnrecognizedName();

    [GeneratedRegex(@"Name (?<name>[^\s]+) not found inside (?<table>[^\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryNameInside();

    [GeneratedRegex(@"Function not found: (?<name>[^\s;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryFunctionNotFound();

    [GeneratedRegex(@"No matching signature for (?:aggregate |analytic )?function (?<name>[^\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryNoSignature();

    [GeneratedRegex(@"references column (?<name>[^\s]+) which is neither grouped nor aggregated", RegexOptions.CultureInvariant)]
    private static partial Regex BigQueryNotGrouped();

    [GeneratedRegex(@"(?<kind>Table|View|Schema|Catalog|Scalar Function|Aggregate Function|Table Function|Macro Function|Table Macro Function|Pragma Function) with name ""?(?<name>[^\s!""]+)""? does not exist", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbNoSuchEntry();

    [GeneratedRegex(@"Referenced table ""(?<name>[^""]+)"" not found", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbReferencedTable();

    [GeneratedRegex(@"Referenced column ""?(?<name>[^\s""]+)""? not found in FROM clause", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbReferencedColumn();

    [GeneratedRegex(@"(?:Table|Values list|Binding with name) ""(?<table>[^""]+)"" does not have a column named ""(?<name>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbNoColumnNamed();

    [GeneratedRegex(@"No function matches the given name and argument types:? '(?<name>[^('\s]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbNoSignature();

    [GeneratedRegex(@"column ""?(?<name>[^\s""]+)""? must appear in the GROUP BY clause", RegexOptions.CultureInvariant)]
    private static partial Regex DuckDbNotGrouped();

    [GeneratedRegex(@"^(?:.*?(?:BigQuery [^:]*? failed with HTTP \d+(?: \([^)]*\))?|the query (?:does not fit the warehouse|failed)): )+", RegexOptions.CultureInvariant)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"^(?:[A-Z][A-Za-z ]*? Error: )+", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorClass();

    [GeneratedRegex(@"\s*at \[\d+:\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
