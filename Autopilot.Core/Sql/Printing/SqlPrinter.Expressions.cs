namespace Autopilot.Core.Sql;

/// <summary>Expressions, parenthesized by <see cref="SqlPrecedence"/>.</summary>
public partial class SqlPrinter
{
    // An operand of an operator: parenthesized when it binds looser than the operator needs.
    private protected void WriteOperand(SqlExpression operand, int minPrecedence)
    {
        if (NeedsParentheses(SqlPrecedence.Of(operand), minPrecedence))
        {
            Text('(');
            WriteExpression(operand);
            Text(')');
        }
        else
        {
            WriteExpression(operand);
        }
    }

    private protected virtual bool NeedsParentheses(int precedence, int minPrecedence) => precedence < minPrecedence;

    private protected void WriteExpression(SqlExpression expression)
    {
        switch (expression)
        {
            case SqlColumnRef column:
                for (var i = 0; i < column.Path.Count; i++)
                {
                    if (i > 0)
                    {
                        Text('.');
                    }

                    WriteName(column.Path[i], leading: i == 0);
                }

                break;
            case SqlNullLiteral:
                Text("NULL");
                break;
            case SqlBooleanLiteral boolean:
                Text(boolean.Value ? "TRUE" : "FALSE");
                break;
            case SqlNumberLiteral number:
                WriteNumber(number);
                break;
            case SqlStringLiteral text:
                WriteString(text.Value);
                break;
            case SqlBytesLiteral bytes:
                WriteBytes(bytes.Value);
                break;
            case SqlTypedLiteral typed:
                WriteTypedLiteral(typed);
                break;
            case SqlIntervalLiteral interval:
                WriteInterval(interval);
                break;
            case SqlParameter parameter:
                Text(parameter.Name is null ? "?" : ParameterPrefix + parameter.Name);
                break;
            case SqlUnary unary:
                WriteUnary(unary);
                break;
            case SqlBinary binary:
                WriteBinary(binary);
                break;
            case SqlIs test:
                WriteOperand(test.Operand, SqlPrecedence.Comparison);
                Text(test.Negated ? " IS NOT " : " IS ");
                Text(test.Test switch
                {
                    SqlIsTest.Null => "NULL",
                    SqlIsTest.True => "TRUE",
                    SqlIsTest.False => "FALSE",
                    _ => "UNKNOWN",
                });
                break;
            case SqlIsDistinctFrom distinct:
                WriteOperand(distinct.Left, SqlPrecedence.Comparison);
                Text(distinct.Negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
                WriteOperand(distinct.Right, SqlPrecedence.Comparison + 1);
                break;
            case SqlLike like:
                WriteOperand(like.Operand, SqlPrecedence.Comparison);
                Text(like.Negated ? " NOT LIKE " : " LIKE ");
                WriteOperand(like.Pattern, SqlPrecedence.Comparison + 1);
                break;
            case SqlBetween between:
                WriteOperand(between.Operand, SqlPrecedence.Comparison);
                Text(between.Negated ? " NOT BETWEEN " : " BETWEEN ");
                WriteOperand(between.Low, SqlPrecedence.Comparison + 1);
                Text(" AND ");
                WriteOperand(between.High, SqlPrecedence.Comparison + 1);
                break;
            case SqlInList inList:
                WriteOperand(inList.Operand, SqlPrecedence.Comparison);
                Text(inList.Negated ? " NOT IN (" : " IN (");
                Expressions(inList.Values);
                Text(')');
                break;
            case SqlInSubquery inQuery:
                WriteOperand(inQuery.Operand, SqlPrecedence.Comparison);
                Text(inQuery.Negated ? " NOT IN (" : " IN (");
                WriteQuery(inQuery.Query);
                Text(')');
                break;
            case SqlInUnnest inUnnest:
                WriteOperand(inUnnest.Operand, SqlPrecedence.Comparison);
                Text(inUnnest.Negated ? " NOT IN " : " IN ");
                WriteInUnnestArray(inUnnest.Array);
                break;
            case SqlExists exists:
                Text("EXISTS (");
                WriteQuery(exists.Query);
                Text(')');
                break;
            case SqlScalarSubquery scalar:
                Text('(');
                WriteQuery(scalar.Query);
                Text(')');
                break;
            case SqlArraySubquery array:
                Text("ARRAY(");
                WriteQuery(array.Query);
                Text(')');
                break;
            case SqlCase @case:
                WriteCase(@case);
                break;
            case SqlCast cast:
                WriteCast(cast);
                break;
            case SqlExtract extract:
                WriteExtract(extract);
                break;
            case SqlDatePartArgument part:
                WriteDatePart(part.Part);
                break;
            case SqlFunctionCall call:
                WriteFunctionCall(call);
                break;
            case SqlStar:
                Text('*');
                break;
            case SqlStructConstructor structure:
                WriteStruct(structure);
                break;
            case SqlArrayConstructor array:
                WriteArray(array);
                break;
            case SqlSubscript subscript:
                WriteSubscript(subscript);
                break;
            case SqlFieldAccess field:
                WriteFieldAccess(field);
                break;
            case SqlGroupingSet set:
                Text(set.Kind == SqlGroupingKind.Rollup ? "ROLLUP(" : "CUBE(");
                Expressions(set.Items);
                Text(')');
                break;
            default:
                throw new ArgumentException($"Unknown expression {expression.GetType().Name}", nameof(expression));
        }
    }

    private protected void WriteUnary(SqlUnary unary)
    {
        switch (unary.Operator)
        {
            case SqlUnaryOperator.Not:
                Text("NOT ");
                WriteOperand(unary.Operand, SqlPrecedence.Not);
                return;
            case SqlUnaryOperator.Negate:
                Text('-');
                // "--" would start a comment: a negated negation keeps its parentheses.
                if (unary.Operand is SqlUnary { Operator: SqlUnaryOperator.Negate })
                {
                    Text('(');
                    WriteExpression(unary.Operand);
                    Text(')');
                    return;
                }

                break;
            case SqlUnaryOperator.Plus:
                Text('+');
                break;
            default:
                Text('~');
                break;
        }

        WriteOperand(unary.Operand, SqlPrecedence.Unary);
    }

    /// <summary>Named query parameters: <c>@name</c>.</summary>
    private protected virtual string ParameterPrefix => "@";

    private protected virtual void WriteInUnnestArray(SqlExpression array)
    {
        Text("UNNEST(");
        WriteExpression(array);
        Text(')');
    }

    private protected virtual void WriteFieldAccess(SqlFieldAccess field)
    {
        WriteOperand(field.Target, SqlPrecedence.Postfix);
        Text('.');
        WriteName(field.Field);
    }

    private protected virtual void WriteBinary(SqlBinary binary)
    {
        var precedence = SqlPrecedence.Of(binary.Operator);
        WriteOperand(binary.Left, precedence);
        Text(binary.Operator switch
        {
            SqlBinaryOperator.Or => " OR ",
            SqlBinaryOperator.And => " AND ",
            SqlBinaryOperator.Equal => " = ",
            SqlBinaryOperator.NotEqual => " != ",
            SqlBinaryOperator.Less => " < ",
            SqlBinaryOperator.LessOrEqual => " <= ",
            SqlBinaryOperator.Greater => " > ",
            SqlBinaryOperator.GreaterOrEqual => " >= ",
            SqlBinaryOperator.BitwiseOr => " | ",
            SqlBinaryOperator.BitwiseXor => " ^ ",
            SqlBinaryOperator.BitwiseAnd => " & ",
            SqlBinaryOperator.ShiftLeft => " << ",
            SqlBinaryOperator.ShiftRight => " >> ",
            SqlBinaryOperator.Add => " + ",
            SqlBinaryOperator.Subtract => " - ",
            SqlBinaryOperator.Multiply => " * ",
            SqlBinaryOperator.Divide => " / ",
            _ => " || ",
        });
        WriteOperand(binary.Right, precedence + 1);
    }
}
