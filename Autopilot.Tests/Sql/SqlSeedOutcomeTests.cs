using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

/// <summary>The outcomes spec/behaviour.md SQL-14 pins, against the seed's catalog (SQL-5: created_at partitions).</summary>
public sealed class SqlSeedOutcomeTests
{
    private static readonly SqlGateContext Seed = new(SqlGateOptions.Default, new Dictionary<string, SqlTablePolicy>
    {
        ["analytics.events"] = new("created_at", 0, 0, SqlTimeColumnType.Date),
        ["analytics.orders"] = new("created_at", 0, 0, SqlTimeColumnType.Date),
        ["analytics.users"] = new("created_at", 0, 0, SqlTimeColumnType.Date),
    });

    [Fact]
    public void A_second_statement_after_a_semicolon_is_blocked()
    {
        var decision = SqlGate.Evaluate("SELECT 1; DROP TABLE users", Seed);
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("Multi-statement SQL is blocked", StringComparison.Ordinal));
    }

    [Fact]
    public void CREATE_TABLE_is_blocked()
    {
        Assert.False(SqlGate.Evaluate("CREATE TABLE t(id INT)", Seed).Allowed);
    }

    [Fact]
    public void DROP_TABLE_is_blocked()
    {
        var decision = SqlGate.Evaluate("DROP TABLE users", Seed);
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Blocked operation: DROP", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_select_is_allowed_with_LIMIT_10000_in_the_rewrite()
    {
        var decision = SqlGate.Evaluate("SELECT id FROM users", Seed);
        Assert.True(decision.Allowed);
        Assert.Contains("LIMIT 10000", decision.RewrittenSql, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_joins_with_a_maximum_of_two_are_blocked()
    {
        var decision = SqlGate.Evaluate(
            "SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON b.id = c.id JOIN d ON c.id = d.id",
            Seed with { Options = SqlGateOptions.Default with { MaxJoinDepth = 2 } });
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("Join depth exceeds max", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_nested_subqueries_with_a_maximum_of_one_are_blocked()
    {
        var decision = SqlGate.Evaluate(
            "SELECT * FROM (SELECT * FROM (SELECT 1 AS x) AS i) AS o",
            Seed with { Options = SqlGateOptions.Default with { MaxSubqueryDepth = 1 } });
        Assert.False(decision.Allowed);
        Assert.Contains(decision.Reasons, r => r.Contains("Subquery nesting exceeds max", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unfiltered_partitioned_table_is_allowed_with_the_30_day_predicate_in_a_valid_rewrite()
    {
        var decision = SqlGate.Evaluate("SELECT DATE(created_at) AS day, COUNT(*) AS c FROM analytics.events GROUP BY 1", Seed);
        Assert.True(decision.Allowed);
        Assert.Contains("DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)", decision.RewrittenSql, StringComparison.Ordinal);
        Assert.Contains("Partition filter auto-added", decision.Reasons);

        // Unlike the seed's text append, the predicate lands in the WHERE, so the rewrite is still valid SQL.
        Assert.Equal(
            "SELECT DATE(created_at) AS day, COUNT(*) AS c FROM analytics.events WHERE events.created_at >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY) GROUP BY 1",
            decision.RewrittenSql);
    }

    [Fact]
    public void A_comment_carrying_a_statement_is_blocked_with_the_seeds_reason()
    {
        var decision = SqlGate.Evaluate("SELECT 1 /* DROP TABLE users */", Seed);
        Assert.False(decision.Allowed);
        Assert.StartsWith("Dangerous SQL found in comments", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_merely_named_like_a_blocked_keyword_is_allowed()
    {
        Assert.True(SqlGate.Evaluate("SELECT last_update, created_at FROM analytics.users WHERE created_at > DATE '2024-01-01'", Seed).Allowed);
    }
}
