using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// The dimension values the catalog knows (channel, country, status, event name), as the prompt lists them so the model
/// filters with the data's own spellings. Bounded: at most <see cref="MaxColumns"/> columns and <see cref="MaxValuesPerColumn"/>
/// values each. Only values that are plain words (letters, digits, '_', '-', '.', spaces) are listed: a value is data
/// from the warehouse and could carry instructions. Nothing of a PII column is listed.
/// </summary>
public static partial class KnownValues
{
    public const int MaxColumns = 40;
    public const int MaxValuesPerColumn = 30;

    /// <summary>The lines of the prompt's "known values" section; empty when the catalog holds none.</summary>
    public static string Of(AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var text = new StringBuilder();
        foreach (var column in catalog.Values
            .Where(v => CatalogDigest.IsPlainIdentifier(v.Dataset) && CatalogDigest.IsPlainIdentifier(v.Table) && CatalogDigest.IsPlainIdentifier(v.Column))
            .Where(v => !catalog.ColumnsOf(v.Dataset, v.Table).Any(c => string.Equals(c.Column, v.Column, StringComparison.OrdinalIgnoreCase) && c.IsPii))
            .OrderBy(v => v.Dataset, StringComparer.Ordinal).ThenBy(v => v.Table, StringComparer.Ordinal).ThenBy(v => v.Column, StringComparer.Ordinal)
            .Take(MaxColumns))
        {
            var safe = column.Values.Where(v => PlainValue().IsMatch(v)).Order(StringComparer.Ordinal).ToList();
            text.Append(CultureInfo.InvariantCulture, $"  - {column.Dataset}.{column.Table}.{column.Column}: ")
                .AppendJoin(", ", safe.Take(MaxValuesPerColumn).Select(v => $"\"{v}\""));
            var left = column.Values.Count - Math.Min(safe.Count, MaxValuesPerColumn);
            if (left > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({left} more not listed)");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_ .\-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainValue();
}
