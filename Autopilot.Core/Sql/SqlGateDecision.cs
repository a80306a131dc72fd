using System.Text.Json.Serialization;

namespace Autopilot.Core.Sql;

/// <summary>
/// The gate's verdict. When <see cref="Allowed"/>, <see cref="RewrittenSql"/> is the query to run (BigQuery dialect,
/// always re-printed from the checked tree, so comments are gone) and <see cref="Reasons"/> say what was rewritten;
/// otherwise <see cref="Reasons"/> say why it was refused. <see cref="RuleIds"/> pair with the reasons for auditing.
/// </summary>
public sealed record SqlGateDecision(
    bool Allowed,
    string? RewrittenSql,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> RuleIds,
    IReadOnlyList<SqlTableReference> Tables)
{
    /// <summary>The checked and rewritten tree, to print in another dialect (<see cref="Print"/>).</summary>
    [JsonIgnore]
    public SqlQuery? Query { get; init; }

    /// <summary>The rewritten query in <paramref name="dialect"/> (e.g. DuckDB for the demo warehouse); null when refused.</summary>
    public string? Print(SqlDialect dialect) => Query is null ? null : SqlPrinter.Print(Query, dialect);

    internal static SqlGateDecision Refuse(string reason, string ruleId) => new(false, null, [reason], [ruleId], []);
}
