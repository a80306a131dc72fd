using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlRoundTripTests
{
    [Fact]
    public void Printing_a_generated_tree_and_parsing_it_gives_the_same_tree()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 3000; seed++)
        {
            var tree = new SqlTreeGenerator(seed).Query();
            var printed = SqlPrinter.Print(tree);
            var parsed = SqlParser.Parse(printed);
            if (parsed.Query != tree)
            {
                failures.Add($"seed {seed}: {printed}\n    {(parsed.Failure is { } f ? f.Error.ToString() : "reprinted as " + SqlPrinter.Print(parsed.Query!))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of 3000 trees did not round-trip:\n{string.Join('\n', failures.Take(20))}");
    }

    [Fact]
    public void Generated_trees_print_in_the_DuckDB_dialect_without_failing()
    {
        for (var seed = 0; seed < 3000; seed++)
        {
            Assert.NotEmpty(SqlPrinter.Print(new SqlTreeGenerator(seed).Query(), SqlDialect.DuckDb));
        }
    }

    [Fact]
    public void Every_corpus_statement_that_parses_round_trips_through_the_printer()
    {
        var failures = new List<string>();
        foreach (var entry in SqlCorpus.Benign.Concat(SqlCorpus.Attacks))
        {
            if (SqlParser.Parse(entry.Sql).Query is not { } tree)
            {
                continue;
            }

            var printed = SqlPrinter.Print(tree);
            var reparsed = SqlParser.Parse(printed).Query;
            if (reparsed != tree || SqlPrinter.Print(reparsed) != printed)
            {
                failures.Add($"{entry}\n    printed as {printed}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void Every_benign_query_parses()
    {
        Assert.All(SqlCorpus.Benign, entry => Assert.True(SqlParser.Parse(entry.Sql).Query is not null, entry.ToString()));
    }
}
