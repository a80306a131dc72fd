using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Planning;

/// <summary>The catalog a replan works from: without the columns that validation errors name as dataset.table.column.</summary>
internal static partial class ReplanCatalog
{
    public static AgentCatalog Without(AgentCatalog catalog, IReadOnlyList<string> errors)
    {
        var named = new HashSet<(string Dataset, string Table, string Column)>();
        foreach (var error in errors)
        {
            foreach (Match match in ColumnPath().Matches(error ?? string.Empty))
            {
                named.Add((match.Groups[1].Value.ToLowerInvariant(), match.Groups[2].Value.ToLowerInvariant(), match.Groups[3].Value.ToLowerInvariant()));
            }
        }

        if (named.Count == 0)
        {
            return catalog;
        }

        var columns = catalog.Columns
            .Where(c => !named.Contains((c.Dataset.ToLowerInvariant(), c.Table.ToLowerInvariant(), c.Column.ToLowerInvariant())))
            .ToList();
        return catalog with { Columns = columns };
    }

    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex ColumnPath();
}
