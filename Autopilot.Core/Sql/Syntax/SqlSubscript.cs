namespace Autopilot.Core.Sql;

/// <summary><c>x[i]</c>, <c>x[OFFSET(i)]</c>, <c>x[ORDINAL(i)]</c>, <c>x[SAFE_OFFSET(i)]</c>, <c>x[SAFE_ORDINAL(i)]</c>, or <c>json['key']</c>.</summary>
public sealed record SqlSubscript(SqlExpression Target, SqlSubscriptKind Kind, SqlExpression Index) : SqlExpression;
