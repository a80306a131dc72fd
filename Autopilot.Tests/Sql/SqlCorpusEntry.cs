namespace Autopilot.Tests.Sql;

/// <summary>One corpus statement, where it is, its category and the rule ids its refusal may carry.</summary>
internal sealed record SqlCorpusEntry(string File, int Line, string Category, IReadOnlyList<string> Expect, string Sql)
{
    public override string ToString() => $"{File}:{Line} [{Category}] {(Sql.Length > 160 ? Sql[..160] + "…" : Sql)}";
}
