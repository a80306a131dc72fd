namespace Autopilot.Core.Sql;

/// <summary><c>DATE '…'</c>, <c>DATETIME</c>, <c>TIME</c>, <c>TIMESTAMP</c>, <c>NUMERIC</c>, <c>BIGNUMERIC</c> or <c>JSON</c> literal; <see cref="TypeName"/> is upper case.</summary>
public sealed record SqlTypedLiteral(string TypeName, string Value) : SqlExpression;
