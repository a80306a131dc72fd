namespace Autopilot.Core.Sql;

/// <summary>A name path in an expression: a column, <c>alias.column</c>, or struct fields <c>a.b.c</c> (told apart only by the schema).</summary>
public sealed record SqlColumnRef(SqlList<string> Path) : SqlExpression;
