namespace Autopilot.Core.Sql;

/// <summary>
/// Requires a time filter on each table that needs one (see <see cref="SqlTablePolicy"/>): at the table's own query
/// level, its WHERE — or an ON that narrows it — must compare its time column with something else. A table without one
/// gets <c>alias.col &gt;= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL n DAY)</c> (DATE_SUB/CURRENT_DATE for a DATE
/// column) AND-ed into that WHERE; a table on the outer side of an outer join is instead replaced by a filtered
/// subquery, so the join keeps its meaning. In <see cref="SqlTimeFilterMode.Block"/> mode nothing is rewritten and the
/// tables are reported.
/// </summary>
internal sealed class SqlTimeFilter : SqlTreeRewriter
{
    private readonly SqlGateContext _context;
    private readonly bool _rewrite;
    private readonly List<string> _cteScope = [];

    private SqlTimeFilter(SqlGateContext context)
    {
        _context = context;
        _rewrite = context.Options.RequireTimeFilter == SqlTimeFilterMode.Rewrite;
    }

    /// <summary>Tables that needed a filter, as "dataset.table (partition column col)".</summary>
    public List<string> Unfiltered { get; } = [];

    public static (SqlQuery Query, IReadOnlyList<string> Unfiltered) Apply(SqlQuery query, SqlGateContext context)
    {
        if (context.Catalog.Count == 0)
        {
            return (query, []);
        }

        var filter = new SqlTimeFilter(context);
        var rewritten = filter.RewriteQuery(query);
        return (rewritten, filter.Unfiltered);
    }

    public override SqlQuery RewriteQuery(SqlQuery query)
    {
        var scope = _cteScope.Count;
        var with = Map(query.With, cte =>
        {
            var rewritten = RewriteCte(cte);
            _cteScope.Add(cte.Name);
            return rewritten;
        });
        var body = RewriteBody(query.Body);
        var orderBy = Map(query.OrderBy, RewriteOrderItem);
        _cteScope.RemoveRange(scope, _cteScope.Count - scope);
        return ReferenceEquals(with, query.With) && ReferenceEquals(body, query.Body) && ReferenceEquals(orderBy, query.OrderBy)
            ? query
            : query with { With = with, Body = body, OrderBy = orderBy };
    }

    protected override SqlSelect RewriteSelect(SqlSelect select)
    {
        select = base.RewriteSelect(select);
        if (select.From is null)
        {
            return select;
        }

        var targets = new List<Target>();
        Collect(select.From, false, [], targets);
        var where = Conjuncts(select.Where);
        var from = select.From;
        var filters = new List<SqlExpression>();
        foreach (var target in targets)
        {
            if (SqlCatalogIndex.Find(_context.Catalog, target.Table.Path) is not { } found || !NeedsFilter(found.Policy))
            {
                continue;
            }

            var (key, policy) = found;
            var column = policy.PartitionColumn!;
            if (where.Exists(c => Constrains(c, target.Table, column)) || target.On.Exists(c => Constrains(c, target.Table, column)))
            {
                continue;
            }

            Unfiltered.Add($"{key} (partition column {column})");
            if (!_rewrite)
            {
                continue;
            }

            if (target.NullSupplying)
            {
                from = Replace(from, target.Table, Filtered(target.Table, column, policy.PartitionColumnType));
            }
            else
            {
                filters.Add(Filter(target.Table.Alias ?? target.Table.Name, column, policy.PartitionColumnType));
            }
        }

        if (ReferenceEquals(from, select.From) && filters.Count == 0)
        {
            return select;
        }

        var newWhere = select.Where;
        foreach (var filter in filters)
        {
            newWhere = newWhere is null ? filter : new SqlBinary(SqlBinaryOperator.And, newWhere, filter);
        }

        return select with { From = from, Where = newWhere };
    }

    private bool NeedsFilter(SqlTablePolicy policy) =>
        policy.PartitionColumn is not null && (policy.Partitioned || policy.Bytes >= _context.Options.LargeTableBytes);

    private sealed record Target(SqlTableRef Table, bool NullSupplying, List<SqlExpression> On);

    // The tables of one FROM (not of its subqueries), whether an outer join may null them, and the ON conjuncts that
    // narrow them (an inner join's ON narrows both sides; an outer join's only its null-supplying side).
    private void Collect(SqlFromItem item, bool nullSupplying, List<SqlExpression> on, List<Target> into)
    {
        switch (item)
        {
            case SqlTableRef table when !SqlQueryFacts.IsCteName(table, _cteScope):
                into.Add(new Target(table, nullSupplying, on));
                break;
            case SqlJoin join:
                var conjuncts = Conjuncts(join.On);
                var leftOn = join.Kind is SqlJoinKind.Inner or SqlJoinKind.Right ? [.. on, .. conjuncts] : on;
                var rightOn = join.Kind is SqlJoinKind.Inner or SqlJoinKind.Left ? [.. on, .. conjuncts] : on;
                Collect(join.Left, nullSupplying || join.Kind is SqlJoinKind.Right or SqlJoinKind.Full, leftOn, into);
                Collect(join.Right, nullSupplying || join.Kind is SqlJoinKind.Left or SqlJoinKind.Full, rightOn, into);
                break;
        }
    }

    private static List<SqlExpression> Conjuncts(SqlExpression? condition)
    {
        var conjuncts = new List<SqlExpression>();
        var pending = new Stack<SqlExpression>();
        if (condition is not null)
        {
            pending.Push(condition);
        }

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
                conjuncts.Add(next);
            }
        }

        return conjuncts;
    }

    // A comparison of the column (possibly inside DATE(), a cast, …) with an expression that does not use it.
    private static bool Constrains(SqlExpression conjunct, SqlTableRef table, string column) => conjunct switch
    {
        SqlBinary { Operator: SqlBinaryOperator.Equal or SqlBinaryOperator.Less or SqlBinaryOperator.LessOrEqual
            or SqlBinaryOperator.Greater or SqlBinaryOperator.GreaterOrEqual } b =>
            ColumnUse.In(b.Left, table, column) != ColumnUse.In(b.Right, table, column),
        SqlBetween { Negated: false } b =>
            ColumnUse.In(b.Operand, table, column) && !ColumnUse.In(b.Low, table, column) && !ColumnUse.In(b.High, table, column),
        SqlInList { Negated: false } i => ColumnUse.In(i.Operand, table, column),
        _ => false,
    };

    private SqlBinary Filter(string qualifier, string column, SqlTimeColumnType type)
    {
        var days = new SqlIntervalLiteral(
            new SqlNumberLiteral(_context.Options.DefaultTimeWindowDays.ToString(System.Globalization.CultureInfo.InvariantCulture)), "DAY", null);
        var bound = type switch
        {
            SqlTimeColumnType.Date => SqlFunctionCall.Of("DATE_SUB", SqlFunctionCall.Of("CURRENT_DATE"), days),
            SqlTimeColumnType.DateTime => SqlFunctionCall.Of("DATETIME_SUB", SqlFunctionCall.Of("CURRENT_DATETIME"), days),
            _ => SqlFunctionCall.Of("TIMESTAMP_SUB", SqlFunctionCall.Of("CURRENT_TIMESTAMP"), days),
        };
        return new SqlBinary(SqlBinaryOperator.GreaterOrEqual, new SqlColumnRef([qualifier, column]), bound);
    }

    private SqlSubqueryRef Filtered(SqlTableRef table, string column, SqlTimeColumnType type)
    {
        var select = SqlSelect.Of([new SqlSelectStar(null, [], [])], new SqlTableRef(table.Path, null))
            with { Where = Filter(table.Name, column, type) };
        return new SqlSubqueryRef(SqlQuery.Of(select), table.Alias ?? table.Name);
    }

    private static SqlFromItem Replace(SqlFromItem item, SqlTableRef table, SqlFromItem replacement) => item switch
    {
        _ when ReferenceEquals(item, table) => replacement,
        SqlJoin join => join with { Left = Replace(join.Left, table, replacement), Right = Replace(join.Right, table, replacement) },
        _ => item,
    };

    /// <summary>Finds references to a table's column in an expression (not inside subqueries).</summary>
    private sealed class ColumnUse : SqlTreeWalker
    {
        private readonly SqlTableRef _table;
        private readonly string _column;
        private bool _found;

        private ColumnUse(SqlTableRef table, string column)
        {
            _table = table;
            _column = column;
        }

        public static bool In(SqlExpression expression, SqlTableRef table, string column)
        {
            var use = new ColumnUse(table, column);
            use.VisitExpression(expression);
            return use._found;
        }

        protected override void VisitSubquery(SqlQuery query)
        {
        }

        protected override void VisitExpression(SqlExpression expression)
        {
            if (_found)
            {
                return;
            }

            if (expression is SqlColumnRef column && Matches(column.Path))
            {
                _found = true;
                return;
            }

            base.VisitExpression(expression);
        }

        // col, alias.col, table.col or dataset.table.col (a struct field below it still counts: col.field).
        private bool Matches(SqlList<string> path)
        {
            for (var i = 0; i < path.Count; i++)
            {
                if (!string.Equals(path[i], _column, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (i == 0)
                {
                    return true;
                }

                var qualifier = path.AsSpan()[..i];
                if (qualifier.Length == 1 && string.Equals(qualifier[0], _table.Alias ?? _table.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (_table.Alias is null && qualifier.Length <= _table.Path.Count && EndsWith(_table.Path.AsSpan(), qualifier))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EndsWith(ReadOnlySpan<string> path, ReadOnlySpan<string> suffix)
        {
            var offset = path.Length - suffix.Length;
            for (var i = 0; i < suffix.Length; i++)
            {
                if (!string.Equals(path[offset + i], suffix[i], StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
