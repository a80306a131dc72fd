using Autopilot.Core.Sql;
using static Autopilot.Tests.Sql.SqlGateChecks;

namespace Autopilot.Tests.Sql;

/// <summary>The block stage and the gate as a whole: statement kinds, functions, tables, depth limits, order, determinism.</summary>
public sealed class SqlGateRuleTests
{
    [Fact]
    public void The_decision_lists_the_warehouse_tables_read_with_their_catalog_keys()
    {
        var decision = Evaluate("WITH c AS (SELECT * FROM analytics.config) SELECT * FROM `p.analytics.events` e JOIN c ON TRUE JOIN other.thing ON TRUE");
        Assert.Equal(
            [
                new SqlTableReference("analytics.config", "analytics", "config", null, "analytics.config"),
                new SqlTableReference("p.analytics.events", "analytics", "events", "e", "analytics.events"),
                new SqlTableReference("other.thing", "other", "thing", null, null),
            ],
            decision.Tables);
    }

    [Fact]
    public void Joins_beyond_the_maximum_are_refused()
    {
        const string six = "SELECT 1 FROM analytics.config a JOIN analytics.config b ON TRUE JOIN analytics.config c ON TRUE, analytics.config d, analytics.config e CROSS JOIN analytics.config f LEFT JOIN analytics.config g ON TRUE";
        Assert.Equal("Join depth exceeds max (5)", Refused(six, SqlRuleIds.JoinDepth));
        Admitted(six, SqlGateOptions.Default with { MaxJoinDepth = 6 });
    }

    // Issue 8 §3: a join to an UNNEST multiplies rows like any other join, and a comma is a join.
    [Theory]
    [InlineData("CROSS JOIN UNNEST([1, 2, 3]) AS n")]
    [InlineData(", UNNEST([1, 2, 3]) AS n")]
    [InlineData("LEFT JOIN UNNEST([1, 2, 3]) AS n ON TRUE")]
    [InlineData("JOIN UNNEST([1, 2, 3]) AS n ON TRUE")]
    [InlineData(", analytics.config z")]
    public void UNNEST_and_comma_joins_count_toward_the_join_limit(string sixthJoin)
    {
        // Five joins: a table and five CROSS JOINs; then a sixth join at the end, or at the start.
        const string five = "SELECT 1 FROM analytics.config a CROSS JOIN analytics.config b CROSS JOIN analytics.config c CROSS JOIN analytics.config d CROSS JOIN analytics.config e CROSS JOIN analytics.config f";
        const string four = "SELECT 1 FROM analytics.config a CROSS JOIN analytics.config b CROSS JOIN analytics.config c CROSS JOIN analytics.config d CROSS JOIN analytics.config e";

        Admitted(five);
        Admitted($"{four} {sixthJoin}");
        Assert.Equal("Join depth exceeds max (5)", Refused($"{five} {sixthJoin}", SqlRuleIds.JoinDepth));
        Assert.Equal("Join depth exceeds max (5)", Refused($"SELECT 1 FROM analytics.config a {sixthJoin} CROSS JOIN analytics.config b CROSS JOIN analytics.config c CROSS JOIN analytics.config d CROSS JOIN analytics.config e CROSS JOIN analytics.config f", SqlRuleIds.JoinDepth));
    }

    [Fact]
    public void Six_UNNEST_joins_are_refused_and_five_are_admitted()
    {
        const string five = "SELECT 1 FROM analytics.config a, UNNEST([1]) p, UNNEST([2]) q CROSS JOIN UNNEST([3]) r LEFT JOIN UNNEST([4]) s ON TRUE, UNNEST([5]) t";
        Admitted(five);
        Assert.Equal("Join depth exceeds max (5)", Refused(five + " CROSS JOIN UNNEST([6]) u", SqlRuleIds.JoinDepth));
    }

    [Fact]
    public void Subqueries_nested_beyond_the_maximum_are_refused()
    {
        Admitted("SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT 1 AS x)))");
        Assert.Equal("Subquery nesting exceeds max (3)", Refused("SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT 1 AS x))))", SqlRuleIds.SubqueryDepth));
        Refused("WITH a AS (SELECT (SELECT (SELECT (SELECT 1)))) SELECT * FROM a", SqlRuleIds.SubqueryDepth);
        Admitted("(SELECT 1) UNION ALL ((SELECT 2) UNION ALL (SELECT 3))", SqlGateOptions.Default with { MaxSubqueryDepth = 0 });
    }

    [Fact]
    public void Block_rules_decide_before_the_time_filter_and_LIMIT_rewrites()
    {
        var decision = Evaluate("SELECT * FROM analytics.events e, analytics.events f, analytics.events g, analytics.events h, analytics.events i, analytics.events j, analytics.events k");
        Assert.False(decision.Allowed);
        Assert.Equal([SqlRuleIds.JoinDepth], decision.RuleIds);
    }

    [Fact]
    public void Every_block_rule_that_fires_is_reported()
    {
        var decision = Evaluate("SELECT getenv('HOME'), foo(1) FROM pg_catalog.pg_tables, (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT 1))))");
        Assert.Equal(
            [SqlRuleIds.FunctionNotAllowed, SqlRuleIds.FunctionNotAllowed, SqlRuleIds.TableNotAllowed, SqlRuleIds.SubqueryDepth],
            decision.RuleIds);
        Assert.Contains("Function not allowed: getenv (reads the host's environment)", decision.Reasons);
        Assert.Contains("Function not allowed: foo (not a known BigQuery function)", decision.Reasons);
    }

    [Theory]
    [InlineData("SELECT ML.PREDICT(1)", "ML.PREDICT")]
    [InlineData("SELECT * FROM EXTERNAL_QUERY('c', 'SELECT 1')", "EXTERNAL_QUERY")]
    [InlineData("SELECT SAFE.read_text('x')", "SAFE.read_text")]
    [InlineData("SELECT analytics.my_udf(1)", "analytics.my_udf")]
    [InlineData("SELECT * FROM analytics.tvf(1)", "analytics.tvf")]
    [InlineData("SELECT * FROM unnest_json(1)", "unnest_json")]
    public void Functions_outside_the_allow_list_are_refused_by_name(string sql, string name)
    {
        Assert.Contains($"Function not allowed: {name}", Refused(sql, SqlRuleIds.FunctionNotAllowed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT SAFE.SUBSTR('abc', 1, 2), NET.HOST('https://a.b/c'), APPROX_TOP_COUNT(x, 2) FROM UNNEST([1]) x")]
    [InlineData("SELECT ST_DISTANCE(ST_GEOGPOINT(0, 0), ST_GEOGPOINT(1, 1))")]
    [InlineData("SELECT if(TRUE, left('ab', 1), right('ab', 1))")]
    public void Functions_on_the_allow_list_are_admitted_in_any_case_and_with_SAFE(string sql)
    {
        Admitted(sql);
    }

    [Fact]
    public void Dataset_INFORMATION_SCHEMA_views_of_catalog_datasets_are_allowed_and_others_refused()
    {
        Admitted("SELECT table_name FROM analytics.INFORMATION_SCHEMA.TABLES");
        Admitted("SELECT column_name FROM `my-project`.analytics.INFORMATION_SCHEMA.COLUMNS");
        Refused("SELECT * FROM `region-us`.INFORMATION_SCHEMA.JOBS", SqlRuleIds.TableNotAllowed);
        Refused("SELECT * FROM analytics.INFORMATION_SCHEMA.JOBS_BY_USER", SqlRuleIds.TableNotAllowed);
        Refused("SELECT * FROM secrets.INFORMATION_SCHEMA.TABLES", SqlRuleIds.TableNotAllowed);
        Assert.False(SqlGate.Evaluate("SELECT * FROM analytics.INFORMATION_SCHEMA.TABLES", SqlGateContext.Default).Allowed);
    }

    [Fact]
    public void Statements_that_are_not_queries_are_refused_naming_what_they_are()
    {
        Assert.Equal("Blocked operation: DROP TABLE", Refused("drop table analytics.users", SqlRuleIds.BlockedOperation));
        Assert.Equal("Blocked operation: CREATE OR REPLACE TEMP FUNCTION", Refused("CREATE OR REPLACE TEMP FUNCTION f() AS (1)", SqlRuleIds.BlockedOperation));
        Assert.Equal("Blocked operation: EXPORT DATA", Refused("EXPORT DATA OPTIONS (uri = 'gs://b/*') AS SELECT 1", SqlRuleIds.BlockedOperation));
        Assert.Equal("Only SELECT queries are allowed (found VALUES)", Refused("VALUES (1)", SqlRuleIds.SelectOnly));
        Assert.StartsWith("Blocked operation: DELETE (at line 1, column 16)", Refused("SELECT * FROM (DELETE FROM t)", SqlRuleIds.BlockedOperation), StringComparison.Ordinal);
        Assert.Equal(
            "Blocked operation: BEGIN | Multi-statement SQL is blocked (second statement: END)",
            Refused("BEGIN SELECT 1; END", SqlRuleIds.BlockedOperation));
    }

    [Fact]
    public void Unparseable_text_is_refused_as_invalid_SQL_with_its_position()
    {
        Assert.Equal("Invalid SQL: expected an expression but found end of input at line 2, column 13", Refused("SELECT a\nFROM t WHERE", SqlRuleIds.InvalidSql));
        Assert.Equal("Invalid SQL: the query is empty", Refused("  -- nothing\n", SqlRuleIds.InvalidSql));
        Assert.Equal("Invalid SQL: the query is empty", SqlGate.Evaluate(null!, SqlGateContext.Default).Reasons[0]);
    }

    [Fact]
    public void Over_long_text_is_refused_before_it_is_read()
    {
        Assert.StartsWith("SQL is too long", Refused("SELECT 1 " + new string(' ', 200), SqlRuleIds.TooLong, SqlGateOptions.Default with { MaxSqlLength = 100 }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_admitted_SQL_is_reprinted_without_comments()
    {
        Assert.Equal("SELECT key FROM analytics.config LIMIT 5", Admitted("-- keys\nSELECT key /* the key */ FROM analytics.config # all\nLIMIT 5;"));
    }

    [Fact]
    public void Rewriting_is_idempotent()
    {
        foreach (var query in SqlCorpus.Benign)
        {
            var once = Evaluate(query.Sql).RewrittenSql!;
            var twice = Evaluate(once);
            Assert.True(twice.Allowed, query.ToString());
            Assert.Equal(once, twice.RewrittenSql);
            Assert.Empty(twice.Reasons);
        }
    }

    [Fact]
    public void Evaluation_is_thread_safe_and_deterministic()
    {
        var queries = SqlCorpus.Benign.Concat(SqlCorpus.Attacks).Select(q => q.Sql).ToArray();
        var sequential = queries.Select(q => Describe(Evaluate(q))).ToArray();
        var parallel = new string[queries.Length];
        Parallel.For(0, queries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Describe(Evaluate(queries[i])));
        Assert.Equal(sequential, parallel);

        static string Describe(SqlGateDecision d) => $"{d.Allowed}|{d.RewrittenSql}|{string.Join(";", d.Reasons)}|{string.Join(";", d.RuleIds)}";
    }
}
