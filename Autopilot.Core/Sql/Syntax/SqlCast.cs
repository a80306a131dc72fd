namespace Autopilot.Core.Sql;

/// <summary><c>CAST(x AS type [FORMAT f])</c>, or <c>SAFE_CAST</c> when <see cref="Safe"/>.</summary>
public sealed record SqlCast(SqlExpression Operand, SqlType Type, bool Safe, SqlExpression? Format) : SqlExpression;
