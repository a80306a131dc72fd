using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class PlanStepCheck
{
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
