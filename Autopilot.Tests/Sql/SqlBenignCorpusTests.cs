using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Sql;

public sealed class SqlBenignCorpusTests
{
    [Fact]
    public void The_benign_corpus_holds_at_least_150_queries()
    {
        Assert.True(SqlCorpus.Benign.Count >= 150, $"{SqlCorpus.Benign.Count} benign queries");
    }

    [Fact]
    public void Every_benign_query_is_admitted_and_its_rewrite_parses_back_to_the_same_tree()
    {
        var failures = new List<string>();
        foreach (var query in SqlCorpus.Benign)
        {
            var decision = SqlGate.Evaluate(query.Sql, DemoCatalog.Context);
            if (!decision.Allowed)
            {
                failures.Add($"{query}\n    refused: {string.Join(" | ", decision.Reasons)}");
                continue;
            }

            var reparsed = SqlParser.Parse(decision.RewrittenSql!);
            if (reparsed.Query != decision.Query)
            {
                failures.Add($"{query}\n    rewrite {decision.RewrittenSql} parses to another tree ({reparsed.Failure?.Error})");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {SqlCorpus.Benign.Count} benign queries failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task Every_rewrite_printed_for_DuckDB_runs_on_the_demo_warehouse()
    {
        await using var connection = DemoWarehouse.OpenReadOnly(SharedDemoWarehouse.Path);
        var failures = new List<string>();
        foreach (var query in SqlCorpus.Benign)
        {
            var duckDb = SqlGate.Evaluate(query.Sql, DemoCatalog.Context).Print(SqlDialect.DuckDb);
            if (duckDb is null)
            {
                failures.Add($"{query}\n    refused");
                continue;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = duckDb;
                await using var reader = await command.ExecuteReaderAsync(timeout.Token);
                while (await reader.ReadAsync(timeout.Token))
                {
                    // Reading every row makes DuckDB evaluate every expression, not just plan the query.
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        _ = reader.IsDBNull(i);
                    }
                }
            }
            catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or OperationCanceledException)
            {
                failures.Add($"{query}\n    DuckDB: {duckDb}\n    {e.Message.Split('\n')[0]}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {SqlCorpus.Benign.Count} rewrites failed on DuckDB:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Rewrites_keep_the_user_query_and_add_only_what_the_rules_say()
    {
        foreach (var query in SqlCorpus.Benign)
        {
            var decision = SqlGate.Evaluate(query.Sql, DemoCatalog.Context);
            var original = SqlParser.Parse(query.Sql).Query!;
            var rewritten = decision.Query!;
            if (decision.Reasons.Count == 0)
            {
                Assert.Equal(original, rewritten);
            }
            else if (decision.Reasons is ["LIMIT auto-added"])
            {
                Assert.Null(original.Limit);
                Assert.Equal(original, rewritten with { Limit = null });
            }

            Assert.All(decision.Reasons, r => Assert.Contains(r, new[] { "Partition filter auto-added", "LIMIT auto-added", "LIMIT capped to 10000" }));
        }
    }
}
