namespace Autopilot.Core.Sql;

/// <summary>A numeric literal, kept as written (integer, decimal, exponent or 0x hex) so no precision is lost.</summary>
public sealed record SqlNumberLiteral(string Text) : SqlExpression
{
    /// <summary>True for a decimal or hex integer (no point, no exponent).</summary>
    public bool IsInteger => Text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || !Text.AsSpan().ContainsAny('.', 'e', 'E');
}
