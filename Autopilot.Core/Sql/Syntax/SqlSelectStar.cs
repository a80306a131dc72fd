namespace Autopilot.Core.Sql;

/// <summary><c>*</c> or <c>expr.*</c>, with optional <c>EXCEPT (…)</c> and <c>REPLACE (… AS …)</c>.</summary>
public sealed record SqlSelectStar(SqlExpression? Qualifier, SqlList<string> Except, SqlList<SqlStarReplacement> Replace) : SqlSelectItem;
