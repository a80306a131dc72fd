using Autopilot.Core.Sql;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class PlanStepCheck
{
    private void Resolve(SqlExpression expression, Env env, Scope scope, bool aliases) => new Resolver(this, env, scope, aliases).Run(expression);

    private void ResolveColumn(SqlColumnRef reference, Scope scope, bool aliases)
    {
        var path = reference.Path;
        for (var current = scope; current is not null; current = current.Parent)
        {
            var (found, missing, name) = TryResolve(path, current, aliases && current == scope);
            if (found is not null)
            {
                _resolved[reference] = found;
                return;
            }

            if (missing is { } relation)
            {
                Error(relation.Table is { } table
                    ? $"Column {table.Dataset}.{table.Table}.{name} does not exist."
                    : $"Column {name} does not exist in {relation.Display}.");
                return;
            }
        }

        var relations = scope.Relations;
        if (path.Count >= 2 && !AnyScope(scope, s => s.Relations.Any(r => Qualifies(r, path[0]))))
        {
            Error($"{_label} refers to {string.Join('.', path)}, but no table, alias or column {path[0]} is in scope.");
        }
        else if (relations.Count == 1 && relations[0].Table is { } table)
        {
            Error($"Column {table.Dataset}.{table.Table}.{path[0]} does not exist.");
        }
        else if (relations.Count == 0)
        {
            Error($"Column {path[0]} does not exist ({_label} reads no table where it is used).");
        }
        else
        {
            Error($"Column {path[0]} does not exist in {string.Join(", ", relations.Select(r => r.Display))}.");
        }
    }

    // Found, or the relation a qualified name named that lacks the column (definitive), or neither (look outward).
    private static (Resolved? Found, Relation? Missing, string? Name) TryResolve(SqlList<string> path, Scope scope, bool aliases)
    {
        var first = path[0];
        if (path.Count >= 2 && scope.Relations.FirstOrDefault(r => Qualifies(r, first)) is { } qualified)
        {
            if (qualified.Find(path[1]) is { } column)
            {
                return (new Resolved(qualified, path.Count == 2 ? column : column with { Type = null, Source = null }), null, null);
            }

            return qualified.Open || qualified.FieldsOpen ? (new Resolved(qualified, null), null, null) : (null, qualified, path[1]);
        }

        // dataset.table.column
        if (path.Count >= 3 && scope.Relations.FirstOrDefault(r => r.Table is { } t
                && string.Equals(t.Dataset, path[0], StringComparison.OrdinalIgnoreCase) && string.Equals(t.Table, path[1], StringComparison.OrdinalIgnoreCase)) is { } table)
        {
            return table.Find(path[2]) is { } column ? (new Resolved(table, path.Count == 3 ? column : column with { Type = null, Source = null }), null, null) : (null, table, path[2]);
        }

        foreach (var relation in scope.Relations)
        {
            if (relation.Find(first) is { } column)
            {
                // A longer path reads a field of a STRUCT or JSON column: the column is known, the field is not.
                return (new Resolved(relation, path.Count == 1 ? column : column with { Type = null, Source = null }), null, null);
            }
        }

        if (aliases && path.Count == 1 && scope.Aliases?.FirstOrDefault(c => string.Equals(c.Name, first, StringComparison.OrdinalIgnoreCase)) is { } alias)
        {
            return (new Resolved(null, alias), null, null);
        }

        if (path.Count == 1 && scope.Relations.FirstOrDefault(r => Qualifies(r, first)) is { } whole)
        {
            // A range variable used as a value (SELECT t FROM t): a struct of the row.
            return (new Resolved(whole, null), null, null);
        }

        return scope.Relations.FirstOrDefault(r => r.Open) is { } open ? (new Resolved(open, null), null, null) : (null, null, null);
    }

    private static bool Qualifies(Relation relation, string name) => string.Equals(relation.Alias, name, StringComparison.OrdinalIgnoreCase);

    private static bool AnyScope(Scope? scope, Func<Scope, bool> test)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (test(scope))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Resolves the names in an expression; subqueries in it are checked as queries that see this scope.</summary>
    private sealed class Resolver(PlanStepCheck check, Env env, Scope scope, bool aliases) : SqlTreeWalker
    {
        public void Run(SqlExpression expression) => VisitExpression(expression);

        protected override void VisitExpression(SqlExpression expression)
        {
            if (expression is SqlColumnRef reference)
            {
                check.ResolveColumn(reference, scope, aliases);
                return;
            }

            base.VisitExpression(expression);
        }

        protected override void VisitSubquery(SqlQuery query) => check.Query(query, env, scope);
    }
}
