namespace Autopilot.Core.Sql;

/// <summary>
/// What the structural rules need from a query, gathered in one walk: the functions it calls, the warehouse tables it
/// reads (CTE names resolved away), how many joins it has and how deeply its subqueries nest.
/// </summary>
internal sealed class SqlQueryFacts : SqlTreeWalker
{
    private readonly List<string> _cteScope = [];
    private int _depth;

    private SqlQueryFacts()
    {
    }

    public List<SqlFunctionCall> Functions { get; } = [];

    public List<SqlTableFunctionRef> TableFunctions { get; } = [];

    public List<SqlTableRef> Tables { get; } = [];

    /// <summary>
    /// Joins in the whole statement: every JOIN, CROSS JOIN and comma join, to a table, a subquery or an UNNEST alike
    /// (an UNNEST join multiplies rows as any other join does, so it counts toward the join limit).
    /// </summary>
    public int JoinCount { get; private set; }

    /// <summary>Deepest nesting of queries inside the top-level one (0 when there is no subquery).</summary>
    public int MaxSubqueryDepth { get; private set; }

    public static SqlQueryFacts Collect(SqlQuery query)
    {
        var facts = new SqlQueryFacts();
        facts.VisitQuery(query);
        return facts;
    }

    /// <summary>True when a one-part table name refers to a CTE in scope rather than a warehouse table.</summary>
    public static bool IsCteName(SqlTableRef table, IReadOnlyList<string> scope)
    {
        if (table.Path.Count != 1)
        {
            return false;
        }

        foreach (var name in scope)
        {
            if (string.Equals(name, table.Path[0], StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A CTE is visible to the CTEs after it and to the query's body, including their subqueries.
    public override void VisitQuery(SqlQuery query)
    {
        var scope = _cteScope.Count;
        foreach (var cte in query.With)
        {
            VisitSubquery(cte.Query);
            _cteScope.Add(cte.Name);
        }

        VisitBody(query.Body);
        foreach (var item in query.OrderBy)
        {
            VisitExpression(item.Expression);
        }

        _cteScope.RemoveRange(scope, _cteScope.Count - scope);
    }

    protected override void VisitSubquery(SqlQuery query)
    {
        _depth++;
        MaxSubqueryDepth = Math.Max(MaxSubqueryDepth, _depth);
        VisitQuery(query);
        _depth--;
    }

    protected override void VisitFrom(SqlFromItem item)
    {
        switch (item)
        {
            case SqlTableRef table when !IsCteName(table, _cteScope):
                Tables.Add(table);
                break;
            case SqlTableFunctionRef function:
                TableFunctions.Add(function);
                break;
            case SqlJoin:
                JoinCount++;
                break;
        }

        base.VisitFrom(item);
    }

    protected override void VisitExpression(SqlExpression expression)
    {
        if (expression is SqlFunctionCall call)
        {
            Functions.Add(call);
        }

        base.VisitExpression(expression);
    }
}
