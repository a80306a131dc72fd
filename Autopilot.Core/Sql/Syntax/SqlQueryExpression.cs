namespace Autopilot.Core.Sql;

/// <summary>What a query's body can be: a SELECT, a set operation, or a parenthesized query.</summary>
public abstract record SqlQueryExpression;
