namespace Autopilot.Core.Sql;

/// <summary>Prefix operators.</summary>
public enum SqlUnaryOperator
{
    Negate,
    Plus,
    BitwiseNot,
    Not,
}
