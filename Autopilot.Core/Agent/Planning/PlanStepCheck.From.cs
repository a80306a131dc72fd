using Autopilot.Core.Catalog;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class PlanStepCheck
{
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
}
