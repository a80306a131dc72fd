namespace Autopilot.Core.Sql;

/// <summary>Infix operators; <c>&lt;&gt;</c> is read as <see cref="NotEqual"/>.</summary>
public enum SqlBinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    BitwiseOr,
    BitwiseXor,
    BitwiseAnd,
    ShiftLeft,
    ShiftRight,
    Add,
    Subtract,
    Multiply,
    Divide,
    Concat,
}
