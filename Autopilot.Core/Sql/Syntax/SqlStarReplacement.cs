namespace Autopilot.Core.Sql;

/// <summary><c>expr AS column</c> inside <c>* REPLACE (…)</c>.</summary>
public sealed record SqlStarReplacement(SqlExpression Expression, string Column);
