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

    // Adds the relations of a FROM item to the scope; returns them (a join's sides are checked against each other).
    private List<Relation> AddFrom(SqlFromItem item, Env env, Scope scope, List<SqlExpression> conditions)
    {
        switch (item)
        {
            case SqlTableRef table:
                var relation = TableRelation(table, env);
                scope.Relations.Add(relation);
                return [relation];
            case SqlSubqueryRef subquery:
                var output = Query(subquery.Query, env, scope.Parent);
                var derived = new Relation
                {
                    Alias = subquery.Alias,
                    Display = subquery.Alias is null ? "a subquery" : $"the subquery {subquery.Alias}",
                    Columns = output.Columns,
                    Open = output.Open,
                };
                scope.Relations.Add(derived);
                return [derived];
            case SqlUnnestRef unnest:
                Resolve(unnest.Array, env, scope, aliases: false);
                var columns = new List<Col>();
                if (unnest.Alias is { } alias)
                {
                    columns.Add(new Col(alias, null, null, null));
                }

                if (unnest.WithOffset)
                {
                    columns.Add(new Col(unnest.OffsetAlias ?? "offset", "INT64", null, null));
                }

                var element = new Relation { Alias = unnest.Alias, Display = "UNNEST", Columns = columns, Open = unnest.Alias is null, FieldsOpen = true };
                scope.Relations.Add(element);
                return [element];
            case SqlTableFunctionRef function:
                Error($"{_label} calls the table function {string.Join('.', function.Name)}, which is not a table of the catalog.");
                var unknown = new Relation { Alias = function.Alias, Display = string.Join('.', function.Name), Columns = [], Open = true };
                scope.Relations.Add(unknown);
                return [unknown];
            case SqlJoin join:
                var left = AddFrom(join.Left, env, scope, conditions);
                var right = AddFrom(join.Right, env, scope, conditions);
                if (join.On is { } on)
                {
                    Resolve(on, env, scope, aliases: false);
                    conditions.Add(on);
                    CheckJoinKeys(on);
                }

                foreach (var name in join.Using)
                {
                    CheckUsing(name, left, right);
                }

                return [.. left, .. right];
            default:
                return [];
        }
    }

    private Relation TableRelation(SqlTableRef table, Env env)
    {
        var path = table.Path.SelectMany(p => p.Split('.')).ToList();
        if (path.Count == 1 && env.Find(path[0]) is { } cte)
        {
            return new Relation { Alias = table.Alias ?? path[0], Display = $"the CTE {path[0]}", Columns = cte.Columns, Open = cte.Open };
        }

        if (FindTable(path) is { } found)
        {
            if ((found.Table.PartitionColumn ?? found.Table.TimeColumn) is not null)
            {
                _readsTimeTable = true;
            }

            return new Relation
            {
                Alias = table.Alias ?? found.Table.Table,
                Display = $"{found.Table.Dataset}.{found.Table.Table}",
                Table = found.Table,
                Columns = found.Columns.Select(c => new Col(c.Column, c.DataType, c, CatalogColumnFacts.IsPii(c) ? c : null)).ToList(),
            };
        }

        var written = string.Join('.', path);
        Error($"Table {written} does not exist in the catalog.");
        return new Relation { Alias = table.Alias ?? path[^1], Display = written, Columns = [], Open = true };
    }

    private (CatalogTable Table, List<CatalogColumn> Columns)? FindTable(List<string> path)
    {
        if (path.Count >= 2)
        {
            return _tables.TryGetValue($"{path[^2]}.{path[^1]}", out var exact) ? exact : null;
        }

        var matches = _tables.Values.Where(t => string.Equals(t.Table.Table, path[0], StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    // SELECT * / alias.* [EXCEPT (…)] [REPLACE (…)]; returns true when some relation's columns are unknown.
    private bool ExpandStar(SqlSelectStar star, Env env, Scope scope, List<Col> outputs)
    {
        IEnumerable<Relation> relations = scope.Relations;
        if (star.Qualifier is SqlColumnRef { Path.Count: 1 } qualifier
            && scope.Relations.FirstOrDefault(r => string.Equals(r.Alias, qualifier.Path[0], StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            relations = [named];
        }
        else if (star.Qualifier is { } expression)
        {
            // A struct's fields: not known from the catalog.
            Resolve(expression, env, scope, aliases: false);
            return true;
        }

        var replaced = new Dictionary<string, SqlStarReplacement>(StringComparer.OrdinalIgnoreCase);
        foreach (var replacement in star.Replace)
        {
            Resolve(replacement.Expression, env, scope, aliases: false);
            replaced[replacement.Column] = replacement;
        }

        var open = false;
        foreach (var relation in relations)
        {
            open |= relation.Open;
            foreach (var column in relation.Columns)
            {
                if (star.Except.Contains(column.Name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                outputs.Add(column.Name is { } name && replaced.TryGetValue(name, out var r)
                    ? new Col(column.Name, TypeOf(r.Expression), SourceOf(r.Expression), Exposed(r.Expression))
                    : column);
            }
        }

        foreach (var name in star.Except)
        {
            if (!relations.Any(r => r.Open || r.Find(name) is not null))
            {
                Error($"{_label} excepts column {name}, which none of {string.Join(", ", relations.Select(r => r.Display))} has.");
            }
        }

        return open;
    }

    private static string Describe(string? name) => string.IsNullOrEmpty(name) ? "an unnamed column" : name;

    /// <summary>A relation in scope: a catalog table, a CTE, a subquery or an UNNEST, by the name the query uses.</summary>
    private sealed class Relation
    {
        public required string? Alias { get; init; }

        public required string Display { get; init; }

        public CatalogTable? Table { get; init; }

        public required IReadOnlyList<Col> Columns { get; init; }

        /// <summary>Its columns are not all known: any name may resolve to it.</summary>
        public bool Open { get; init; }

        /// <summary>Qualified names (alias.field) resolve whatever the field: an UNNEST element.</summary>
        public bool FieldsOpen { get; init; }

        public Col? Find(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A column as the query sees it: its type when known, the catalog column it is, and the PII catalog column whose
    /// raw values it carries, if any.
    /// </summary>
    private sealed record Col(string? Name, string? Type, CatalogColumn? Source, CatalogColumn? Pii);

    private sealed record Output(IReadOnlyList<Col> Columns, bool Open);

    private sealed record Resolved(Relation? Relation, Col? Column);

    private sealed class Scope(Scope? parent)
    {
        public Scope? Parent { get; } = parent;

        public List<Relation> Relations { get; } = [];

        /// <summary>The SELECT list's output columns, visible to GROUP BY, HAVING, QUALIFY and ORDER BY.</summary>
        public IReadOnlyList<Col>? Aliases { get; set; }
    }

    /// <summary>The CTEs in scope, innermost last.</summary>
    private sealed class Env
    {
        private readonly (string Name, Output Output)[] _ctes;

        private Env((string Name, Output Output)[] ctes) => _ctes = ctes;

        public static Env Empty { get; } = new([]);

        public Env With(string name, Output output) => new([.. _ctes, (name, output)]);

        public Output? Find(string name)
        {
            for (var i = _ctes.Length - 1; i >= 0; i--)
            {
                if (string.Equals(_ctes[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return _ctes[i].Output;
                }
            }

            return null;
        }
    }
}
