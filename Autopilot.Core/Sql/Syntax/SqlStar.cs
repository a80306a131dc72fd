namespace Autopilot.Core.Sql;

/// <summary>The <c>*</c> of <c>COUNT(*)</c>.</summary>
public sealed record SqlStar : SqlExpression;
