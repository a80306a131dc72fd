using Autopilot.Core.Warehouse;

namespace Autopilot.Tests.Queries;

/// <summary>Each warehouse's refusal, as the engines word it, becomes one reason naming what is missing.</summary>
public sealed class WarehouseRejectionTests
{
    /// <summary>The same problem from DuckDB (as the demo warehouse wraps it) and from BigQuery's dry run (as its client wraps it).</summary>
    public static TheoryData<string, string, string> SameProblemOnBothWarehouses => new()
    {
        {
            "Catalog Error: Table with name no_such_table does not exist!\nDid you mean \"analytics.users\"?\n\nLINE 1: SELECT user_id FROM analytics.no_such_table\n                           ^",
            "BigQuery dry run failed with HTTP 404 (notFound): Not found: Table autopilot-test:analytics.no_such_table was not found in location US",
            "The warehouse has no table named no_such_table"
        },
        {
            "Binder Error: Referenced column \"no_such_column\" not found in FROM clause!\nCandidate bindings: \"users.user_id\"\n\nLINE 1: SELECT no_such_column FROM analytics.users",
            "BigQuery dry run failed with HTTP 400 (invalidQuery): Unrecognized name: no_such_column at [1:8]",
            "The warehouse has no column named no_such_column"
        },
        {
            "Catalog Error: Scalar Function with name no_such_fn does not exist!\nDid you mean \"nextafter\"?",
            "BigQuery dry run failed with HTTP 400 (invalidQuery): Function not found: no_such_fn; Did you mean nextafter? at [1:8]",
            "The warehouse has no function named no_such_fn"
        },
        {
            "Binder Error: column \"status\" must appear in the GROUP BY clause or must be part of an aggregate function.\nEither add it to the GROUP BY list, or use \"ANY_VALUE(status)\" if the exact value of \"status\" is not important.",
            "BigQuery dry run failed with HTTP 400 (invalidQuery): SELECT list expression references column status which is neither grouped nor aggregated at [1:8]",
            "Column status must appear in the GROUP BY clause or be used in an aggregate function"
        },
        {
            "Binder Error: No function matches the given name and argument types 'lower(INTEGER)'. You might need to add explicit type casts.\n\tCandidate functions:\n\tlower(VARCHAR) -> VARCHAR",
            "BigQuery dry run failed with HTTP 400 (invalidQuery): No matching signature for function LOWER for argument types: INT64. Supported signature: LOWER(STRING) at [1:8]",
            "The function lower does not accept these argument types"
        },
    };

    [Theory]
    [MemberData(nameof(SameProblemOnBothWarehouses))]
    public void The_same_problem_reads_the_same_on_DuckDB_and_BigQuery(string duckDb, string bigQuery, string expected)
    {
        var fromDuckDb = WarehouseRejection.Describe(duckDb);
        var fromBigQuery = WarehouseRejection.Describe(bigQuery);

        // BigQuery names a table with its dataset, DuckDB without: the form is the same, the name as precise as each gives it.
        Assert.Equal(expected, fromDuckDb, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(expected, fromBigQuery.Replace("analytics.", string.Empty, StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase);
        AssertClean(fromDuckDb);
        AssertClean(fromBigQuery);
    }

    [Theory]
    [InlineData("Catalog Error: Table with name users does not exist!\nDid you mean \"analytics.users\"?", "The warehouse has no table named users")]
    [InlineData("BigQuery dry run failed with HTTP 400 (invalid): Table name \"users\" missing dataset while no default dataset is set in the request.", "The warehouse has no table named users (name a table with its dataset, as dataset.table)")]
    [InlineData("BigQuery dry run failed with HTTP 404 (notFound): Not found: Dataset autopilot-test:nowhere was not found in location US", "The warehouse has no dataset named nowhere")]
    [InlineData("Catalog Error: Schema with name nowhere does not exist!", "The warehouse has no dataset named nowhere")]
    [InlineData("Binder Error: Table \"u\" does not have a column named \"ghost\"\n\nLINE 1: ...", "The warehouse has no column named ghost in u")]
    [InlineData("BigQuery dry run failed with HTTP 400 (invalidQuery): Name ghost not found inside u at [1:10]", "The warehouse has no column named ghost in u")]
    [InlineData("Catalog Error: Table Function with name no_such_tvf does not exist!", "The warehouse has no function named no_such_tvf")]
    [InlineData("Binder Error: Referenced table \"x\" not found!\nCandidate tables: \"users\"", "The warehouse has no table named x")]
    public void Each_missing_name_is_named(string message, string expected) =>
        Assert.Equal(expected, WarehouseRejection.Describe(message));

    [Theory]
    [InlineData("Conversion Error: Could not convert string 'abc' to INT32\n\nLINE 1: SELECT CAST('abc' AS INT)", "The warehouse cannot run this query: Could not convert string 'abc' to INT32")]
    [InlineData("BigQuery dry run failed with HTTP 400 (invalidQuery): Syntax error: Unexpected keyword FROM at [1:8]", "The warehouse cannot run this query: Syntax error: Unexpected keyword FROM")]
    [InlineData("", "The warehouse cannot run this query: it was refused")]
    [InlineData(null, "The warehouse cannot run this query: it was refused")]
    public void Anything_else_keeps_only_its_first_line_without_the_engine_error_class(string? message, string expected)
    {
        var reason = WarehouseRejection.Describe(message);

        Assert.Equal(expected, reason);
        AssertClean(reason);
    }

    [Fact]
    public void A_long_unknown_message_is_bounded()
    {
        var reason = WarehouseRejection.Describe("Binder Error: " + new string('x', 5_000));

        Assert.True(reason.Length < 300, reason);
        AssertClean(reason);
    }

    internal static void AssertClean(string reason)
    {
        foreach (var internals in new[] { "Catalog Error", "Binder Error", "Conversion Error", "LINE 1", "Did you mean", "Candidate", "\n", "at [1:", "HTTP 4", "DuckDB", "autopilot-test:" })
        {
            Assert.DoesNotContain(internals, reason, StringComparison.OrdinalIgnoreCase);
        }
    }
}
