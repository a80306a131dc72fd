namespace Autopilot.Core.Sql;

/// <summary><c>LIMIT count [OFFSET skip]</c>; each an integer literal or a query parameter.</summary>
public sealed record SqlLimit(SqlExpression Count, SqlExpression? Offset);
