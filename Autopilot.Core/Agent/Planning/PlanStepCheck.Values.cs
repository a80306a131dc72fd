using Autopilot.Core.Catalog;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class PlanStepCheck
{
    // Calls whose result does not carry their argument's values: counts, hashes, lengths and tests.
    private static readonly HashSet<string> Concealing = new(StringComparer.Ordinal)
    {
        "COUNT", "COUNTIF", "APPROX_COUNT_DISTINCT", "HLL_COUNT.INIT", "LOGICAL_AND", "LOGICAL_OR", "SHA1", "SHA256", "SHA512", "MD5",
        "FARM_FINGERPRINT", "LENGTH", "CHAR_LENGTH", "CHARACTER_LENGTH", "BYTE_LENGTH", "OCTET_LENGTH", "REGEXP_CONTAINS",
        "STARTS_WITH", "ENDS_WITH", "CONTAINS_SUBSTR", "IS_NAN", "IS_INF",
    };

    private static readonly Dictionary<string, string> ResultTypes = new(StringComparer.Ordinal)
    {
        ["COUNT"] = "INT64", ["COUNTIF"] = "INT64", ["APPROX_COUNT_DISTINCT"] = "INT64", ["SUM"] = "FLOAT64", ["AVG"] = "FLOAT64",
        ["SAFE_DIVIDE"] = "FLOAT64", ["ROUND"] = "FLOAT64", ["DATE"] = "DATE", ["DATE_TRUNC"] = "DATE", ["DATE_SUB"] = "DATE",
        ["DATE_ADD"] = "DATE", ["CURRENT_DATE"] = "DATE", ["TIMESTAMP"] = "TIMESTAMP", ["TIMESTAMP_TRUNC"] = "TIMESTAMP",
        ["TIMESTAMP_SUB"] = "TIMESTAMP", ["TIMESTAMP_ADD"] = "TIMESTAMP", ["CURRENT_TIMESTAMP"] = "TIMESTAMP", ["LOWER"] = "STRING",
        ["UPPER"] = "STRING", ["CONCAT"] = "STRING", ["FORMAT"] = "STRING", ["TRIM"] = "STRING", ["SUBSTR"] = "STRING",
        ["CAST"] = "STRING", ["TO_HEX"] = "STRING", ["STRING"] = "STRING", ["INT64"] = "INT64", ["FLOAT64"] = "FLOAT64",
    };

    private static string? NameOf(SqlExpression expression) => expression switch
    {
        SqlColumnRef column => column.Path[^1],
        SqlFieldAccess field => field.Field,
        _ => null,
    };

    private string? TypeOf(SqlExpression expression) => expression switch
    {
        SqlColumnRef column => _resolved.GetValueOrDefault(column)?.Column?.Type,
        SqlCast cast => cast.Type is SqlNamedType named ? named.Name : null,
        SqlStringLiteral => "STRING",
        SqlNumberLiteral number => number.IsInteger ? "INT64" : "FLOAT64",
        SqlBooleanLiteral => "BOOL",
        SqlTypedLiteral typed => typed.TypeName,
        SqlFunctionCall call when SqlFunctionNames.Canonical(call.Name) is "MIN" or "MAX" or "ANY_VALUE" or "IFNULL" or "COALESCE" && call.Arguments.Count > 0 =>
            TypeOf(call.Arguments[0]),
        SqlFunctionCall call when SqlFunctionNames.Canonical(call.Name) is { } name && ResultTypes.TryGetValue(name, out var type) => type,
        SqlBinary { Operator: SqlBinaryOperator.Equal or SqlBinaryOperator.NotEqual or SqlBinaryOperator.Less or SqlBinaryOperator.LessOrEqual
            or SqlBinaryOperator.Greater or SqlBinaryOperator.GreaterOrEqual or SqlBinaryOperator.And or SqlBinaryOperator.Or } => "BOOL",
        SqlIs or SqlLike or SqlInList or SqlInSubquery or SqlBetween or SqlExists => "BOOL",
        _ => null,
    };

    private CatalogColumn? SourceOf(SqlExpression expression) =>
        expression is SqlColumnRef column && _resolved.GetValueOrDefault(column)?.Column is { } resolved ? resolved.Source : null;

    /// <summary>The PII catalog column whose raw values <paramref name="expression"/> passes on, if any.</summary>
    private CatalogColumn? Exposed(SqlExpression expression) => expression switch
    {
        SqlColumnRef column => _resolved.GetValueOrDefault(column)?.Column?.Pii,
        SqlFunctionCall call when SqlFunctionNames.Canonical(call.Name) is { } name && Concealing.Contains(name) => null,
        SqlFunctionCall call => call.Arguments.Select(Exposed).FirstOrDefault(c => c is not null),
        SqlBinary { Operator: SqlBinaryOperator.Add or SqlBinaryOperator.Subtract or SqlBinaryOperator.Multiply or SqlBinaryOperator.Divide
            or SqlBinaryOperator.Concat or SqlBinaryOperator.BitwiseAnd or SqlBinaryOperator.BitwiseOr or SqlBinaryOperator.BitwiseXor } binary =>
            Exposed(binary.Left) ?? Exposed(binary.Right),
        SqlCase @case => @case.Whens.Select(w => Exposed(w.Result)).FirstOrDefault(c => c is not null) ?? (@case.Else is { } other ? Exposed(other) : null),
        SqlCast cast => Exposed(cast.Operand),
        SqlUnary { Operator: not SqlUnaryOperator.Not } unary => Exposed(unary.Operand),
        SqlFieldAccess field => Exposed(field.Target),
        SqlSubscript subscript => Exposed(subscript.Target),
        SqlExtract extract => Exposed(extract.Source),
        SqlStructConstructor structure => structure.Members.Select(m => Exposed(m.Value)).FirstOrDefault(c => c is not null),
        SqlArrayConstructor array => array.Elements.Select(Exposed).FirstOrDefault(c => c is not null),
        _ => null,
    };

    // ON a = b between two columns: their types must compare (STRING = INT64 fails in BigQuery).
    private void CheckJoinKeys(SqlExpression on)
    {
        foreach (var conjunct in Conjuncts(on))
        {
            if (conjunct is SqlBinary { Operator: SqlBinaryOperator.Equal, Left: SqlColumnRef left, Right: SqlColumnRef right })
            {
                CompareKeys(_resolved.GetValueOrDefault(left)?.Column, string.Join('.', left.Path), _resolved.GetValueOrDefault(right)?.Column, string.Join('.', right.Path));
            }
        }
    }

    private void CheckUsing(string name, List<Relation> left, List<Relation> right)
    {
        var leftColumn = left.Select(r => r.Find(name)).FirstOrDefault(c => c is not null);
        var rightColumn = right.Select(r => r.Find(name)).FirstOrDefault(c => c is not null);
        foreach (var (side, column) in new[] { (left, leftColumn), (right, rightColumn) })
        {
            if (column is null && !side.Any(r => r.Open))
            {
                Error($"{_label} joins USING ({name}), but {string.Join(", ", side.Select(r => r.Display))} has no column {name}.");
            }
        }

        CompareKeys(leftColumn, name, rightColumn, name);
    }

    private void CompareKeys(Col? left, string leftText, Col? right, string rightText)
    {
        if (left?.Type is not { } leftType || right?.Type is not { } rightType)
        {
            return;
        }

        var (a, b) = (CatalogColumnFacts.Family(leftType), CatalogColumnFacts.Family(rightType));
        if (a != b && a != TypeFamily.Other && b != TypeFamily.Other)
        {
            Error($"{_label} joins {Named(left, leftText)} ({leftType}) to {Named(right, rightText)} ({rightType}): the key types are not comparable.");
        }
    }

    private static string Named(Col column, string written) =>
        column.Source is { } source ? $"{source.Dataset}.{source.Table}.{source.Column}" : written;

    // Per catalog relation of this FROM with a partition column: is that column compared with something else in the
    // WHERE or an ON (possibly inside DATE(), a cast, …)?
    private void CheckTimeConditions(Scope scope, List<SqlExpression> conditions)
    {
        var conjuncts = conditions.SelectMany(Conjuncts).ToList();
        foreach (var relation in scope.Relations)
        {
            if (relation.Table?.PartitionColumn is not { } column)
            {
                continue;
            }

            var constrained = conjuncts.Any(c => c switch
            {
                SqlBinary { Operator: SqlBinaryOperator.Equal or SqlBinaryOperator.Less or SqlBinaryOperator.LessOrEqual
                    or SqlBinaryOperator.Greater or SqlBinaryOperator.GreaterOrEqual } b => Uses(b.Left, relation, column) != Uses(b.Right, relation, column),
                SqlBetween { Negated: false } b => Uses(b.Operand, relation, column) && !Uses(b.Low, relation, column) && !Uses(b.High, relation, column),
                SqlInList { Negated: false } i => Uses(i.Operand, relation, column),
                _ => false,
            });
            _partitionedReads.Add((relation, constrained));
        }
    }

    private bool Uses(SqlExpression expression, Relation relation, string column)
    {
        var finder = new ColumnFinder(r => r.Relation == relation && r.Column?.Source is { } source
            && string.Equals(source.Column, column, StringComparison.OrdinalIgnoreCase), _resolved);
        finder.Run(expression);
        return finder.Found;
    }

    private static IEnumerable<SqlExpression> Conjuncts(SqlExpression condition)
    {
        var pending = new Stack<SqlExpression>([condition]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is SqlBinary { Operator: SqlBinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                yield return next;
            }
        }
    }

    /// <summary>Whether an expression (not its subqueries) refers to a resolved column that passes a test.</summary>
    private sealed class ColumnFinder(Func<Resolved, bool> test, Dictionary<SqlColumnRef, Resolved> resolved) : SqlTreeWalker
    {
        public bool Found { get; private set; }

        public void Run(SqlExpression expression) => VisitExpression(expression);

        protected override void VisitSubquery(SqlQuery query)
        {
        }

        protected override void VisitExpression(SqlExpression expression)
        {
            if (Found)
            {
                return;
            }

            if (expression is SqlColumnRef column)
            {
                Found = resolved.TryGetValue(column, out var r) && test(r);
                return;
            }

            base.VisitExpression(expression);
        }
    }
}
