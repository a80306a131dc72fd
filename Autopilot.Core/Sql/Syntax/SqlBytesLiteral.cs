namespace Autopilot.Core.Sql;

/// <summary>A bytes literal (<c>b'…'</c>); each char of <see cref="Value"/> is one byte (0–255).</summary>
public sealed record SqlBytesLiteral(string Value) : SqlExpression;
