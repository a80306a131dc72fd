namespace Autopilot.Core.Sql;

/// <summary>One end of a window frame; <see cref="Offset"/> is set for <c>n PRECEDING</c> and <c>n FOLLOWING</c>.</summary>
public sealed record SqlFrameBound(SqlFrameBoundKind Kind, SqlExpression? Offset);
