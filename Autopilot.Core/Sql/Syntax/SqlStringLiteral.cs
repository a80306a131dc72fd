namespace Autopilot.Core.Sql;

/// <summary>A string literal; <see cref="Value"/> is the decoded text (quotes, prefixes and escapes resolved).</summary>
public sealed record SqlStringLiteral(string Value) : SqlExpression;
