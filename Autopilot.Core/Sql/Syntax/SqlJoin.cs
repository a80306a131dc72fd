namespace Autopilot.Core.Sql;

/// <summary>Two FROM items joined: by a comma, CROSS JOIN, or [INNER|LEFT|RIGHT|FULL] JOIN with ON or USING.</summary>
public sealed record SqlJoin(SqlJoinKind Kind, SqlFromItem Left, SqlFromItem Right, SqlExpression? On, SqlList<string> Using) : SqlFromItem;
