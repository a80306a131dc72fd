namespace Autopilot.Core.Sql;

/// <summary>A scalar expression.</summary>
public abstract record SqlExpression;
