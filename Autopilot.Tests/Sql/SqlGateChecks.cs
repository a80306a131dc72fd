using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

/// <summary>Evaluates SQL against the demo catalog and asserts the shape of admissions and refusals.</summary>
internal static class SqlGateChecks
{
    public static SqlGateDecision Evaluate(string sql, SqlGateOptions? options = null) =>
        SqlGate.Evaluate(sql, options is null ? DemoCatalog.Context : DemoCatalog.With(options));

    public static SqlGateDecision Evaluate(string sql, IReadOnlyDictionary<string, SqlTablePolicy> catalog, SqlGateOptions? options = null) =>
        SqlGate.Evaluate(sql, new SqlGateContext(options ?? SqlGateOptions.Default, catalog));

    /// <summary>Asserts <paramref name="sql"/> is admitted; returns the SQL to run.</summary>
    public static string Admitted(string sql, SqlGateOptions? options = null)
    {
        var decision = Evaluate(sql, options);
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));
        return decision.RewrittenSql!;
    }

    /// <summary>Asserts <paramref name="sql"/> is refused by <paramref name="ruleId"/>; returns the reasons, joined.</summary>
    public static string Refused(string sql, string ruleId, SqlGateOptions? options = null)
    {
        var decision = Evaluate(sql, options);
        Assert.False(decision.Allowed, decision.RewrittenSql);
        Assert.Contains(ruleId, decision.RuleIds);
        Assert.Null(decision.RewrittenSql);
        return string.Join(" | ", decision.Reasons);
    }
}
