using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlCommentPayloadTests
{
    [Theory]
    [InlineData("SELECT 1 /* DROP TABLE users */", "DROP TABLE")]
    [InlineData("SELECT 1 -- ; DELETE FROM x", "DELETE")]
    [InlineData("SELECT 1 # insert into t values(1)", "INSERT")]
    [InlineData("SELECT 1 -- update analytics.users u set email = null", "UPDATE")]
    [InlineData("SELECT 1 /* TRUNCATE TABLE t */", "TRUNCATE TABLE")]
    [InlineData("SELECT 1 /* MERGE INTO t USING s ON TRUE */", "MERGE")]
    [InlineData("SELECT 1 /* alter table t add column c INT64 */", "ALTER TABLE")]
    [InlineData("SELECT 1 /* create or replace view v as select 1 */", "CREATE OR REPLACE VIEW")]
    [InlineData("SELECT 1 /* GRANT SELECT ON t TO u */", "GRANT")]
    [InlineData("SELECT 1 /* EXECUTE IMMEDIATE 'x' */", "EXECUTE IMMEDIATE")]
    [InlineData("SELECT 1 /* it's nothing; DROP SCHEMA s */", "DROP SCHEMA")]
    [InlineData("SELECT 1 /* -- DROP VIEW v */", "DROP VIEW")]
    [InlineData("SELECT 1 /* ; PRAGMA database_list */", "PRAGMA")]
    public void A_comment_carrying_a_statement_is_refused_naming_it(string sql, string found)
    {
        var decision = SqlGate.Evaluate(sql, SqlGateContext.Default);
        Assert.False(decision.Allowed);
        Assert.Equal([SqlRuleIds.CommentPayload], decision.RuleIds);
        Assert.StartsWith($"Dangerous SQL found in comments: ", decision.Reasons[0], StringComparison.Ordinal);
        Assert.Contains(found, decision.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1 -- drop-off rate by channel")]
    [InlineData("SELECT 1 /* we delete from consideration the test users */")]
    [InlineData("SELECT 1 -- users who update their profile; drop-off is computed later")]
    [InlineData("SELECT 1 # create a chart from this")]
    [InlineData("SELECT 1 /* last_update is the newest order; set aside refunds */")]
    [InlineData("SELECT 1 -- merge of two sources, grant period, truncate long names")]
    [InlineData("SELECT 'delete' AS action, 'DROP TABLE users' AS text")]
    [InlineData("SELECT last_update, created_at, drop_rate FROM t")]
    public void Prose_comments_and_strings_that_mention_such_words_are_fine(string sql)
    {
        Assert.True(SqlGate.Evaluate(sql, SqlGateContext.Default).Allowed, sql);
    }
}
