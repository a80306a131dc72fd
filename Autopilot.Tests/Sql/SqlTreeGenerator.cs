using System.Globalization;
using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

/// <summary>
/// Deterministic random syntax trees in the shape the parser produces (a chain of one set operation leans left, a name
/// path is one <see cref="SqlColumnRef"/>, date parts only where functions take them, …), for parse(print(t)) == t.
/// </summary>
internal sealed class SqlTreeGenerator(int seed)
{
    private static readonly string[] Names =
    [
        "a", "b", "user_id", "amount", "x1", "_private", "day", "date", "value", "key", "timestamp", "offset", "current_date",
        "select", "from", "my col", "1st", "café", "ſelect", "a.b", "back`tick", "back\\slash", "quote'd", "ＳＥＬＥＣＴ", "drop",
    ];

    private static readonly string[] TableNames = ["users", "events", "orders", "select", "my table", "t1", "Ünïcode", "order"];

    private static readonly string[] Functions =
    [
        "ABS", "coalesce", "IFNULL", "IF", "LEFT", "concat", "LOWER", "SUM", "count", "AVG", "MAX", "ARRAY_AGG", "STRING_AGG",
        "SAFE_DIVIDE", "JSON_VALUE", "REGEXP_CONTAINS", "GREATEST", "ROUND", "CURRENT_DATE", "CURRENT_TIMESTAMP",
    ];

    private static readonly string[] WindowFunctions = ["ROW_NUMBER", "RANK", "LAG", "FIRST_VALUE", "SUM", "COUNT"];

    private static readonly string[] DatePartFunctions = ["DATE_TRUNC", "TIMESTAMP_TRUNC", "DATE_DIFF", "TIMESTAMP_DIFF", "LAST_DAY"];

    private static readonly string[] Parts = ["DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "HOUR", "ISOWEEK", "MINUTE"];

    private static readonly string[] ExtractParts = ["DAY", "DAYOFWEEK", "WEEK", "ISOYEAR", "DATE", "HOUR", "MICROSECOND"];

    private static readonly string[] Weekdays = ["SUNDAY", "MONDAY", "FRIDAY"];

    private static readonly string[] TypeNames = ["INT64", "FLOAT64", "STRING", "BOOL", "BYTES", "DATE", "TIMESTAMP", "JSON", "NUMERIC", "INTERVAL"];

    private static readonly string[] Strings = ["", "plain", "it's", "back\\slash", "new\nline", "tab\t", "nul\0", "emoji 😀", "\"double\"", "`tick`", "é", "\u007f", "\r"];

    private readonly Random _random = new(seed);

    public SqlQuery Query(int depth = 3)
    {
        var with = depth > 1 && Chance(0.2) ? List(1, 2, () => new SqlCommonTableExpression(Name(), Query(depth - 1))) : [];
        var orderBy = Chance(0.3) ? List(1, 2, () => OrderItem(depth - 1)) : [];
        SqlLimit? limit = Chance(0.3) ? new SqlLimit(LimitValue(), Chance(0.3) ? LimitValue() : null) : null;
        return new SqlQuery(with, Body(depth), orderBy, limit);
    }

    private SqlQueryExpression Body(int depth)
    {
        if (depth <= 1 || Chance(0.75))
        {
            return Select(depth);
        }

        if (Chance(0.3))
        {
            return Query(depth - 1);
        }

        var op = Pick([SqlSetOperator.Union, SqlSetOperator.Intersect, SqlSetOperator.Except]);
        var all = Chance(0.5);
        SqlQueryExpression chain = SetOperand(depth - 1);
        for (var i = _random.Next(1, 3); i > 0; i--)
        {
            chain = new SqlSetOperation(op, all, chain, SetOperand(depth - 1));
        }

        return chain;
    }

    // A set operation's operands are SELECTs or parenthesized queries; a nested operation needs its parentheses.
    private SqlQueryExpression SetOperand(int depth) => Chance(0.7) ? Select(depth) : Query(depth);

    private SqlSelect Select(int depth) => new(
        Chance(0.2),
        Chance(0.1) ? Pick([SqlSelectMode.AsStruct, SqlSelectMode.AsValue]) : SqlSelectMode.Default,
        List(1, 3, () => SelectItem(depth)),
        Chance(0.7) ? From(depth) : null,
        Chance(0.5) ? Expression(depth) : null,
        Chance(0.3) ? GroupBy(depth) : null,
        Chance(0.2) ? Expression(depth) : null,
        Chance(0.1) ? Expression(depth) : null,
        Chance(0.1) ? List(1, 2, () => new SqlNamedWindow(Name(), Window(depth))) : []);

    private SqlSelectItem SelectItem(int depth)
    {
        if (Chance(0.15))
        {
            return new SqlSelectStar(
                Chance(0.5) ? new SqlColumnRef(List(1, 2, Name)) : null,
                Chance(0.3) ? List(1, 2, Name) : [],
                Chance(0.3) ? List(1, 2, () => new SqlStarReplacement(Expression(depth - 1), Name())) : []);
        }

        return new SqlSelectExpression(Expression(depth), Chance(0.5) ? Name() : null);
    }

    private SqlGroupBy GroupBy(int depth)
    {
        if (Chance(0.2))
        {
            return new SqlGroupBy(true, []);
        }

        return new SqlGroupBy(false, List(1, 3, () => Chance(0.15)
            ? new SqlGroupingSet(Pick([SqlGroupingKind.Rollup, SqlGroupingKind.Cube]), List(1, 3, () => Expression(depth - 1)))
            : Expression(depth - 1)));
    }

    private SqlFromItem From(int depth)
    {
        var item = FromPrimary(depth);
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            var kind = Pick([SqlJoinKind.Comma, SqlJoinKind.Cross, SqlJoinKind.Inner, SqlJoinKind.Left, SqlJoinKind.Right, SqlJoinKind.Full]);
            var right = Chance(0.15) && depth > 1 ? From(depth - 1) : FromPrimary(depth);
            SqlExpression? on = null;
            SqlList<string> usingColumns = [];
            if (kind is not (SqlJoinKind.Comma or SqlJoinKind.Cross) && !(right is SqlUnnestRef && Chance(0.5)))
            {
                if (Chance(0.7))
                {
                    on = Expression(depth - 1);
                }
                else
                {
                    usingColumns = List(1, 2, Name);
                }
            }

            item = new SqlJoin(kind, item, right, on, usingColumns);
        }

        return item;
    }

    private SqlFromItem FromPrimary(int depth)
    {
        var roll = _random.NextDouble();
        if (roll < 0.6 || depth <= 1)
        {
            return new SqlTableRef(List(1, 3, () => Pick(TableNames)), Chance(0.5) ? Name() : null);
        }

        if (roll < 0.8)
        {
            return new SqlSubqueryRef(Query(depth - 1), Chance(0.6) ? Name() : null);
        }

        var offset = Chance(0.5);
        return new SqlUnnestRef(Expression(depth - 1), Chance(0.7) ? Name() : null, offset, offset && Chance(0.6) ? Name() : null);
    }

    public SqlExpression Expression(int depth)
    {
        if (depth <= 0)
        {
            return Leaf();
        }

        var d = depth - 1;
        return _random.Next(30) switch
        {
            0 or 1 => new SqlBinary(Pick(Enum.GetValues<SqlBinaryOperator>()), Expression(d), Expression(d)),
            2 => new SqlBinary(Pick(Enum.GetValues<SqlBinaryOperator>()), Expression(d), Expression(d)),
            3 => new SqlUnary(Pick(Enum.GetValues<SqlUnaryOperator>()), Expression(d)),
            4 => new SqlIs(Expression(d), Pick(Enum.GetValues<SqlIsTest>()), Chance(0.5)),
            5 => new SqlIsDistinctFrom(Expression(d), Expression(d), Chance(0.5)),
            6 => new SqlLike(Expression(d), Expression(d), Chance(0.5)),
            7 => new SqlBetween(Expression(d), Expression(d), Expression(d), Chance(0.5)),
            8 => InList(d),
            9 => new SqlInSubquery(Expression(d), Query(Math.Min(d, 2)), Chance(0.5)),
            10 => new SqlInUnnest(Expression(d), Expression(d), Chance(0.5)),
            11 => new SqlExists(Query(Math.Min(d, 2))),
            12 => new SqlScalarSubquery(Query(Math.Min(d, 2))),
            13 => new SqlArraySubquery(Query(Math.Min(d, 2))),
            14 => new SqlCase(Chance(0.5) ? Expression(d) : null, List(1, 3, () => new SqlWhenClause(Expression(d), Expression(d))), Chance(0.5) ? Expression(d) : null),
            15 => new SqlCast(Expression(d), Type(2), Chance(0.5), Chance(0.2) ? new SqlStringLiteral("YYYY") : null),
            16 => new SqlExtract(DatePart(ExtractParts), Expression(d), Chance(0.2) ? new SqlStringLiteral("UTC") : null),
            17 => Call(d),
            18 => DatePartCall(d),
            19 => new SqlStructConstructor(
                Chance(0.3) ? new SqlStructType(List(1, 2, () => new SqlStructTypeField(Chance(0.5) ? Name() : null, Type(1)))) : null,
                Chance(0.1) ? [] : List(1, 3, () => new SqlStructMember(Expression(d), Chance(0.5) ? Name() : null))),
            20 => new SqlArrayConstructor(Chance(0.3) ? Type(1) : null, Chance(0.1) ? [] : List(1, 3, () => Expression(d))),
            21 => new SqlSubscript(Expression(d), Pick(Enum.GetValues<SqlSubscriptKind>()), Expression(d)),
            22 => new SqlFieldAccess(Pick<Func<SqlExpression>>([() => Call(d), () => new SqlSubscript(Expression(d), SqlSubscriptKind.Offset, Leaf()), () => new SqlScalarSubquery(Query(1))])(), Name()),
            23 => new SqlIntervalLiteral(Expression(d), Pick(["DAY", "HOUR", "MONTH", "WEEK", "MICROSECOND"]), Chance(0.2) ? "SECOND" : null),
            24 => new SqlColumnRef(List(1, 3, Name)),
            _ => Leaf(),
        };
    }

    // "x IN ((SELECT …))" reads as IN (subquery), as in BigQuery: a one-item list never holds just a scalar subquery.
    private SqlInList InList(int depth)
    {
        var values = List(1, 3, () => Expression(depth));
        if (values is [SqlScalarSubquery])
        {
            values = values.Add(Leaf());
        }

        return new SqlInList(Expression(depth), values, Chance(0.5));
    }

    private SqlExpression Leaf() => _random.Next(11) switch
    {
        0 => new SqlNullLiteral(),
        1 => new SqlBooleanLiteral(Chance(0.5)),
        2 => new SqlNumberLiteral(Pick(["0", "1", "42", "3.14", "1.", ".5", "1e10", "2.5E-3", "0x1F", "18446744073709551616"])),
        3 => new SqlStringLiteral(Pick(Strings) + Pick(Strings)),
        4 => new SqlBytesLiteral(new string([.. Enumerable.Range(0, _random.Next(0, 5)).Select(_ => (char)_random.Next(0, 256))])),
        5 => new SqlTypedLiteral(Pick(["DATE", "DATETIME", "TIME", "TIMESTAMP", "NUMERIC", "BIGNUMERIC", "JSON"]), Pick(Strings)),
        6 => new SqlParameter(Chance(0.5) ? Pick(["p", "start_date", "x1"]) : null),
        _ => new SqlColumnRef(List(1, 3, Name)),
    };

    private SqlFunctionCall Call(int depth)
    {
        var name = Pick(Functions);
        if (Chance(0.1))
        {
            return new SqlFunctionCall([Pick(["count", "COUNT"])], false, [new SqlStar()], SqlNullHandling.Default, [], null, Chance(0.3) ? Window(depth) : null);
        }

        SqlList<string> path = Chance(0.1) ? ["SAFE", name] : Chance(0.05) ? ["NET", "HOST"] : [name];
        var arguments = Chance(0.1) ? [] : List(1, 3, () => Expression(depth));
        var modifiers = arguments.Count > 0;
        return new SqlFunctionCall(
            path,
            modifiers && Chance(0.2),
            arguments,
            modifiers && Chance(0.2) ? Pick([SqlNullHandling.Ignore, SqlNullHandling.Respect]) : SqlNullHandling.Default,
            modifiers && Chance(0.2) ? List(1, 2, () => OrderItem(depth)) : [],
            modifiers && Chance(0.1) ? LimitValue() : null,
            Chance(0.2) ? Window(depth) : null);
    }

    private SqlFunctionCall DatePartCall(int depth)
    {
        var name = Pick(DatePartFunctions);
        SqlExpression part = new SqlDatePartArgument(DatePart(Parts));
        SqlList<SqlExpression> arguments = name switch
        {
            "DATE_DIFF" or "TIMESTAMP_DIFF" => [Expression(depth), Expression(depth), part],
            "LAST_DAY" when Chance(0.5) => [Expression(depth)],
            _ => [Expression(depth), part],
        };
        return new SqlFunctionCall([name], false, arguments, SqlNullHandling.Default, [], null, null);
    }

    private SqlDatePart DatePart(string[] parts)
    {
        var name = Pick(parts);
        return new SqlDatePart(name, name == "WEEK" && Chance(0.5) ? Pick(Weekdays) : null);
    }

    private SqlWindowSpec Window(int depth)
    {
        if (Chance(0.2))
        {
            return new SqlWindowSpec(Name(), [], [], null);
        }

        SqlWindowFrame? frame = null;
        if (Chance(0.4))
        {
            frame = new SqlWindowFrame(Pick([SqlFrameUnit.Rows, SqlFrameUnit.Range]), Bound(depth), Chance(0.6) ? Bound(depth) : null);
        }

        return new SqlWindowSpec(
            Chance(0.2) ? Name() : null,
            Chance(0.5) ? List(1, 2, () => Expression(depth - 1)) : [],
            Chance(0.6) ? List(1, 2, () => OrderItem(depth - 1)) : [],
            frame);
    }

    private SqlFrameBound Bound(int depth)
    {
        var kind = Pick(Enum.GetValues<SqlFrameBoundKind>());
        return new SqlFrameBound(kind, kind is SqlFrameBoundKind.Preceding or SqlFrameBoundKind.Following ? Expression(Math.Min(depth, 1)) : null);
    }

    private SqlOrderItem OrderItem(int depth) =>
        new(Expression(depth), Pick(Enum.GetValues<SqlSortDirection>()), Pick(Enum.GetValues<SqlNullsOrder>()));

    private SqlType Type(int depth)
    {
        var roll = _random.NextDouble();
        if (depth > 0 && roll < 0.2)
        {
            return new SqlArrayType(Type(depth - 1));
        }

        if (depth > 0 && roll < 0.35)
        {
            return new SqlStructType(List(1, 3, () => new SqlStructTypeField(Chance(0.6) ? Name() : null, Type(depth - 1))));
        }

        var name = Pick(TypeNames);
        SqlList<string> parameters = name is "NUMERIC" or "STRING" && Chance(0.4)
            ? (name == "NUMERIC" ? ["10", "2"] : ["20"])
            : [];
        return new SqlNamedType(name, parameters);
    }

    private SqlExpression LimitValue() =>
        Chance(0.7) ? new SqlNumberLiteral(_random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture)) : new SqlParameter(Chance(0.5) ? "n" : null);

    private string Name() => Pick(Names);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private SqlList<T> List<T>(int min, int max, Func<T> item) =>
        SqlList.From(Enumerable.Range(0, _random.Next(min, max + 1)).Select(_ => item()).ToArray());
}
