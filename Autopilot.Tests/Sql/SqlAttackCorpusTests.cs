using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlAttackCorpusTests
{
    // Every refusal category the gate has, each of which the corpus must exercise.
    private static readonly string[] RefusalKinds =
    [
        SqlRuleIds.BlockedOperation, SqlRuleIds.SelectOnly, SqlRuleIds.MultiStatement, SqlRuleIds.CommentPayload,
        SqlRuleIds.InvalidSql, SqlRuleIds.RecursiveCte, SqlRuleIds.FunctionNotAllowed, SqlRuleIds.TableNotAllowed,
        SqlRuleIds.JoinDepth, SqlRuleIds.SubqueryDepth, SqlRuleIds.LimitNotChecked,
    ];

    [Fact]
    public void The_attack_corpus_holds_at_least_300_statements_in_every_refusal_category()
    {
        Assert.True(SqlCorpus.Attacks.Count >= 300, $"{SqlCorpus.Attacks.Count} attack statements");
        var produced = SqlCorpus.Attacks.SelectMany(a => SqlGate.Evaluate(a.Sql, DemoCatalog.Context).RuleIds).ToHashSet();
        Assert.All(RefusalKinds, kind => Assert.Contains(kind, produced));
        Assert.All(SqlCorpus.Attacks, a => Assert.NotEmpty(a.Expect));
    }

    [Fact]
    public void Every_attack_is_refused_with_its_categorys_kind_of_reason()
    {
        var failures = new List<string>();
        foreach (var attack in SqlCorpus.Attacks)
        {
            var decision = SqlGate.Evaluate(attack.Sql, DemoCatalog.Context);
            if (decision.Allowed)
            {
                failures.Add($"{attack}\n    admitted as: {decision.RewrittenSql}");
            }
            else if (!decision.RuleIds.Any(attack.Expect.Contains))
            {
                failures.Add($"{attack}\n    refused as [{string.Join(", ", decision.RuleIds)}], expected one of [{string.Join(", ", attack.Expect)}]: {string.Join(" | ", decision.Reasons)}");
            }
            else if (decision.RewrittenSql is not null || decision.Reasons.Count != decision.RuleIds.Count)
            {
                failures.Add($"{attack}\n    a refusal carries SQL or unpaired reasons");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {SqlCorpus.Attacks.Count} attacks not refused as expected:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Every_refusal_names_what_it_found()
    {
        foreach (var attack in SqlCorpus.Attacks)
        {
            var decision = SqlGate.Evaluate(attack.Sql, DemoCatalog.Context);
            Assert.All(decision.Reasons, reason => Assert.True(
                reason.Contains(':', StringComparison.Ordinal) || reason.Contains('(', StringComparison.Ordinal),
                $"{attack}: reason '{reason}' does not say what was found"));
        }
    }

    [Fact]
    public void Attacks_are_refused_the_same_way_in_block_mode_and_with_an_empty_catalog()
    {
        var block = DemoCatalog.With(SqlGateOptions.Default with { RequireTimeFilter = SqlTimeFilterMode.Block });
        foreach (var attack in SqlCorpus.Attacks)
        {
            Assert.False(SqlGate.Evaluate(attack.Sql, block).Allowed, attack.ToString());
            Assert.False(SqlGate.Evaluate(attack.Sql, SqlGateContext.Default).Allowed, attack.ToString());
        }
    }
}
