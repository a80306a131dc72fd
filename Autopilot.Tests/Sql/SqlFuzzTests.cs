using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

/// <summary>Random and mutated input: the gate always returns a decision and never fails internally.</summary>
public sealed class SqlFuzzTests
{
    private const string InternalFailure = "could not be checked";

    private static readonly string[] Fragments =
    [
        "SELECT", "FROM", "WHERE", "(", ")", "[", "]", ",", ";", "'", "\"", "`", "'''", "--", "#", "/*", "*/", "\\", "@", "?", "@@",
        "UNION ALL", "JOIN", "ON", "USING", "AS", "WITH", "OVER", "PARTITION BY", "ORDER BY", "LIMIT", "DROP", "TABLE", "x",
        "analytics.events", "1", "0x", "1e", ".", "*", "+", "-", "<", ">", ">>", "=", "STRUCT<", "ARRAY<", "CASE", "WHEN", "END",
        "\u00A0", "\u200B", "\uFEFF", "\u0415", "\uD800", "\n", " ", "NOT", "IN", "UNNEST(", "EXTRACT(", "INTERVAL", "DAY",
    ];

    [Fact]
    public void Random_text_always_gets_a_decision()
    {
        var random = new Random(20261126);
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(0, 200);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = random.Next(4) == 0 ? (char)random.Next(0, 0x10000) : (char)random.Next(0x20, 0x7F);
            }

            Check(new string(chars));
        }
    }

    [Fact]
    public void Random_token_soup_always_gets_a_decision()
    {
        var random = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            Check(string.Join(random.Next(3) == 0 ? string.Empty : " ", Enumerable.Range(0, random.Next(1, 40)).Select(_ => Fragments[random.Next(Fragments.Length)])));
        }
    }

    [Fact]
    public void Mutated_corpus_queries_always_get_a_decision_and_an_admitted_mutant_round_trips()
    {
        var random = new Random(11);
        var corpus = SqlCorpus.Benign.Concat(SqlCorpus.Attacks).Select(q => q.Sql).ToArray();
        for (var i = 0; i < 5000; i++)
        {
            var sql = corpus[random.Next(corpus.Length)];
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                sql = Mutate(sql, random);
            }

            var decision = Check(sql);
            if (decision.Allowed)
            {
                var again = SqlGate.Evaluate(decision.RewrittenSql!, DemoCatalog.Context);
                Assert.True(again.Allowed, $"{sql}\n => {decision.RewrittenSql}\n => {string.Join(" | ", again.Reasons)}");
                Assert.Equal(decision.Query, SqlParser.Parse(decision.RewrittenSql!).Query);
            }
        }
    }

    [Fact]
    public void Pathological_inputs_are_refused_quickly_without_overflowing_the_stack()
    {
        string[] inputs =
        [
            "SELECT " + new string('(', 500_000),
            "SELECT " + new string('[', 200_000),
            "SELECT " + string.Concat(Enumerable.Repeat("-", 99_000)) + "1",
            "SELECT " + string.Concat(Enumerable.Repeat("CASE WHEN TRUE THEN ", 20_000)),
            "SELECT 1 FROM " + string.Concat(Enumerable.Repeat("(", 40_000)) + "t",
            "SELECT " + string.Concat(Enumerable.Repeat("ARRAY<", 40_000)),
            "/*" + new string('*', 99_000),
            new string(';', 99_000),
            "SELECT '" + new string('\\', 99_000),
        ];
        foreach (var input in inputs)
        {
            var decision = Check(input);
            Assert.False(decision.Allowed);
        }
    }

    [Fact]
    public void Adversarial_comments_are_read_in_linear_time()
    {
        string[] inputs =
        [
            "SELECT 1 /* " + string.Concat(Enumerable.Repeat("/* x ", 19_000)) + " */",
            "SELECT 1 -- " + string.Concat(Enumerable.Repeat("\\'", 45_000)),
            "SELECT 1 /* " + string.Concat(Enumerable.Repeat("'''", 30_000)) + " */",
            "SELECT 1 /* " + new string('1', 90_000) + "x */",
            "SELECT 1 /* " + string.Concat(Enumerable.Repeat("0x", 45_000)) + " */",
        ];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            Assert.True(Check(input).Allowed);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Nested_parentheses_that_could_open_a_query_or_an_expression_parse_in_bounded_time()
    {
        // Each level is "((" that reads as a query until "+ 1)" proves it an expression; retrying every inner attempt on
        // each backtrack once took seconds for a few hundred characters.
        static string Nest(int levels) =>
            levels == 0 ? "SELECT 1" : "SELECT ((((" + Nest(levels - 1) + ") + 1) + 1) + 1)";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var levels in new[] { 8, 12, 20, 40 })
        {
            Assert.False(Check(Nest(levels)).Allowed);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    private static SqlGateDecision Check(string sql)
    {
        var decision = SqlGate.Evaluate(sql, DemoCatalog.Context);
        Assert.NotNull(decision);
        Assert.Equal(decision.Reasons.Count, decision.RuleIds.Count);
        Assert.DoesNotContain(decision.Reasons, r => r.Contains(InternalFailure, StringComparison.Ordinal));
        Assert.True(decision.Allowed ? decision.RewrittenSql is not null : decision.Reasons.Count > 0, sql);
        return decision;
    }

    private static string Mutate(string sql, Random random)
    {
        if (sql.Length == 0)
        {
            return Fragments[random.Next(Fragments.Length)];
        }

        var at = random.Next(sql.Length);
        return random.Next(4) switch
        {
            0 => sql.Remove(at, Math.Min(random.Next(1, 6), sql.Length - at)),
            1 => sql.Insert(at, Fragments[random.Next(Fragments.Length)]),
            2 => sql.Insert(at, ((char)random.Next(0x20, 0x3100)).ToString()),
            _ => string.Concat(sql.AsSpan(0, at), sql.AsSpan(random.Next(at, sql.Length))),
        };
    }
}
