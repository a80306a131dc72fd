using Autopilot.Core.Catalog;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// Validates one step's query against the catalog by resolving every name the way BigQuery would: CTEs (each seeing
/// those before it), FROM items and their aliases, subqueries (correlated ones see the outer query), select aliases in
/// GROUP BY / HAVING / QUALIFY / ORDER BY. What it cannot know (UNNEST elements, unknown tables) it does not judge.
/// </summary>
internal sealed partial class PlanStepCheck
{
    private readonly string _label;
    private readonly Dictionary<string, (CatalogTable Table, List<CatalogColumn> Columns)> _tables;
    private readonly List<string> _errors = [];
    private readonly Dictionary<SqlColumnRef, Resolved> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly List<(Relation Relation, bool Constrained)> _partitionedReads = [];
    private bool _readsTimeTable;

    private PlanStepCheck(string label, AgentCatalog catalog)
    {
        _label = label;
        _tables = new(StringComparer.OrdinalIgnoreCase);
        foreach (var table in catalog.Tables)
        {
            _tables.TryAdd($"{table.Dataset}.{table.Table}", (table, catalog.ColumnsOf(table.Dataset, table.Table).ToList()));
        }
    }

    public static List<string> Run(string label, SqlQuery query, AgentCatalog catalog, bool series, bool aboutTime)
    {
        var check = new PlanStepCheck(label, catalog);
        var output = check.Query(query, Env.Empty, outer: null);
        foreach (var column in output.Columns)
        {
            if (column.Pii is { } pii)
            {
                check.Error($"{label} selects the PII column {pii.Dataset}.{pii.Table}.{pii.Column} raw (as {Describe(column.Name)}); aggregate it (COUNT DISTINCT) or leave it out.");
            }
        }

        if (series && !check._readsTimeTable)
        {
            check.Error($"{label} should return a series over time, but it reads no table with a time column.");
        }

        if (aboutTime)
        {
            foreach (var (relation, constrained) in check._partitionedReads)
            {
                if (!constrained)
                {
                    var column = relation.Table!.PartitionColumn;
                    check.Error($"{label} reads {relation.Display}, which is partitioned by {column}, without a condition on {relation.Display}.{column}; add a time window on it.");
                }
            }
        }

        return check._errors;
    }

    private void Error(string error)
    {
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    private Output Query(SqlQuery query, Env env, Scope? outer)
    {
        var ctes = env;
        foreach (var cte in query.With)
        {
            var output = Query(cte.Query, ctes, outer);
            ctes = ctes.With(cte.Name, output);
        }

        return Body(query.Body, ctes, outer, query.OrderBy);
    }

    private Output Body(SqlQueryExpression body, Env env, Scope? outer, SqlList<SqlOrderItem> orderBy)
    {
        Output output;
        switch (body)
        {
            case SqlSelect select:
                return Select(select, env, outer, orderBy);
            case SqlQuery query:
                output = Query(query, env, outer);
                break;
            case SqlSetOperation set:
                output = Body(set.Left, env, outer, []);
                Body(set.Right, env, outer, []);
                break;
            default:
                return new Output([], true);
        }

        if (orderBy.Count > 0)
        {
            // ORDER BY after a set operation sees only the output columns.
            var scope = new Scope(outer) { Aliases = output.Columns };
            scope.Relations.Add(new Relation { Alias = null, Display = "the query's output", Columns = output.Columns, Open = output.Open });
            foreach (var item in orderBy)
            {
                Resolve(item.Expression, env, scope, aliases: true);
            }
        }

        return output;
    }

    private Output Select(SqlSelect select, Env env, Scope? outer, SqlList<SqlOrderItem> orderBy)
    {
        var scope = new Scope(outer);
        var conditions = new List<SqlExpression>();
        if (select.From is { } from)
        {
            AddFrom(from, env, scope, conditions);
        }

        var outputs = new List<Col>();
        var open = false;
        foreach (var item in select.Items)
        {
            switch (item)
            {
                case SqlSelectExpression expression:
                    Resolve(expression.Expression, env, scope, aliases: false);
                    outputs.Add(new Col(expression.Alias ?? NameOf(expression.Expression), TypeOf(expression.Expression), SourceOf(expression.Expression), Exposed(expression.Expression)));
                    break;
                case SqlSelectStar star:
                    open |= ExpandStar(star, env, scope, outputs);
                    break;
            }
        }

        scope.Aliases = outputs;
        if (select.Where is { } where)
        {
            Resolve(where, env, scope, aliases: false);
            conditions.Add(where);
        }

        if (select.GroupBy is { } groupBy)
        {
            foreach (var item in groupBy.Items)
            {
                Resolve(item, env, scope, aliases: true);
            }
        }

        ResolveOptional(select.Having, env, scope);
        ResolveOptional(select.Qualify, env, scope);
        foreach (var window in select.Windows)
        {
            foreach (var partition in window.Spec.PartitionBy)
            {
                Resolve(partition, env, scope, aliases: true);
            }

            foreach (var item in window.Spec.OrderBy)
            {
                Resolve(item.Expression, env, scope, aliases: true);
            }
        }

        foreach (var item in orderBy)
        {
            Resolve(item.Expression, env, scope, aliases: true);
        }

        CheckTimeConditions(scope, conditions);
        return new Output(outputs, open);
    }

    private void ResolveOptional(SqlExpression? expression, Env env, Scope scope)
    {
        if (expression is not null)
        {
            Resolve(expression, env, scope, aliases: true);
        }
    }

    private static string Describe(string? name) => string.IsNullOrEmpty(name) ? "an unnamed column" : name;
}
