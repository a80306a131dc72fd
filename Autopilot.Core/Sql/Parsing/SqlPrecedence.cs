namespace Autopilot.Core.Sql;

/// <summary>
/// BigQuery's operator precedence, lowest first, shared by the parser and the printer (which parenthesizes exactly
/// where these levels require it).
/// </summary>
internal static class SqlPrecedence
{
    public const int Or = 1;
    public const int And = 2;
    public const int Not = 3;
    public const int Comparison = 4;
    public const int BitwiseOr = 5;
    public const int BitwiseXor = 6;
    public const int BitwiseAnd = 7;
    public const int Shift = 8;
    public const int Additive = 9;
    public const int Multiplicative = 10;
    public const int Unary = 11;
    public const int Postfix = 12;
    public const int Primary = 13;

    public static int Of(SqlBinaryOperator op) => op switch
    {
        SqlBinaryOperator.Or => Or,
        SqlBinaryOperator.And => And,
        SqlBinaryOperator.Equal or SqlBinaryOperator.NotEqual or SqlBinaryOperator.Less or SqlBinaryOperator.LessOrEqual
            or SqlBinaryOperator.Greater or SqlBinaryOperator.GreaterOrEqual => Comparison,
        SqlBinaryOperator.BitwiseOr => BitwiseOr,
        SqlBinaryOperator.BitwiseXor => BitwiseXor,
        SqlBinaryOperator.BitwiseAnd => BitwiseAnd,
        SqlBinaryOperator.ShiftLeft or SqlBinaryOperator.ShiftRight => Shift,
        SqlBinaryOperator.Add or SqlBinaryOperator.Subtract => Additive,
        _ => Multiplicative,
    };

    /// <summary>The level at which <paramref name="expression"/> binds, to decide whether it needs parentheses.</summary>
    public static int Of(SqlExpression expression) => expression switch
    {
        SqlBinary b => Of(b.Operator),
        SqlUnary { Operator: SqlUnaryOperator.Not } => Not,
        SqlUnary => Unary,
        SqlIs or SqlIsDistinctFrom or SqlLike or SqlBetween or SqlInList or SqlInSubquery or SqlInUnnest => Comparison,
        SqlSubscript or SqlFieldAccess => Postfix,
        _ => Primary,
    };
}
