using Autopilot.Core.Sql;

namespace Autopilot.Core.Queries;

/// <summary>
/// Finds which output columns of a query carry PII: a select item is tainted when its expression mentions a PII column
/// or a name already tainted (an alias in a CTE or subquery), repeated until nothing changes. Conservative: a name
/// collision taints too — a redaction too many beats a leak.
/// </summary>
internal sealed class PiiColumnTracer : SqlTreeWalker
{
    private readonly List<(string? Name, HashSet<string> Mentions)> _items = [];

    /// <summary>Every name that carries PII, mapped to the PII column it carries (its type names the redaction).</summary>
    public static IReadOnlyDictionary<string, string> TaintedNames(SqlQuery query, IReadOnlySet<string> piiColumns)
    {
        ArgumentNullException.ThrowIfNull(piiColumns);
        var tracer = new PiiColumnTracer();
        tracer.VisitQuery(query);
        var tainted = piiColumns.ToDictionary(c => c, c => c, StringComparer.OrdinalIgnoreCase);
        bool grew;
        do
        {
            grew = false;
            foreach (var (name, mentions) in tracer._items)
            {
                if (name is not null && !tainted.ContainsKey(name) && mentions.FirstOrDefault(tainted.ContainsKey) is { } source)
                {
                    tainted[name] = tainted[source];
                    grew = true;
                }
            }
        }
        while (grew);

        return tainted;
    }

    protected override void VisitSelect(SqlSelect select)
    {
        ArgumentNullException.ThrowIfNull(select);
        foreach (var item in select.Items.OfType<SqlSelectExpression>())
        {
            var mentions = Mentions(item.Expression);
            var name = item.Alias ?? (item.Expression is SqlColumnRef { Path.Count: > 0 } column ? column.Path[^1] : null);
            _items.Add((name, mentions));
        }

        base.VisitSelect(select);
    }

    /// <summary>Every identifier part in the expression's text (printing it is the simplest complete walk of its names).</summary>
    private static HashSet<string> Mentions(SqlExpression expression) =>
        SqlLexer.Lex(SqlPrinter.Print(expression)).Tokens
            .Where(t => t.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
            .SelectMany(t => (t.Text ?? string.Empty).Trim('`').Split('.'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
