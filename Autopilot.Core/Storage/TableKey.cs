using System.Text;

namespace Autopilot.Core.Storage;

/// <summary>
/// Makes any string safe as a PartitionKey/RowKey: Table storage forbids '/', '\', '#', '?' and control characters.
/// Percent-encoding keeps keys readable and ordering of plain ids intact.
/// </summary>
public static class TableKey
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && !value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 ? "%00" : builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c) || char.IsSurrogate(c);
}
