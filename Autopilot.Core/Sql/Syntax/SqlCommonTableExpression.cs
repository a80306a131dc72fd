namespace Autopilot.Core.Sql;

/// <summary><c>name AS (query)</c> in a WITH clause.</summary>
public sealed record SqlCommonTableExpression(string Name, SqlQuery Query);
