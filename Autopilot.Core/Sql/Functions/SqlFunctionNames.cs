namespace Autopilot.Core.Sql;

/// <summary>Canonical function names: upper case, dotted, without the <c>SAFE.</c> prefix.</summary>
internal static class SqlFunctionNames
{
    /// <summary>
    /// <c>["safe", "divide"]</c> → <c>DIVIDE</c>, <c>["net", "host"]</c> → <c>NET.HOST</c>; null when a part is not
    /// plain ASCII (such a name is no known function).
    /// </summary>
    public static string? Canonical(SqlList<string> name)
    {
        var parts = name.AsSpan();
        if (parts.Length > 1 && string.Equals(parts[0], "SAFE", StringComparison.OrdinalIgnoreCase))
        {
            parts = parts[1..];
        }

        if (parts.Length == 1)
        {
            return Upper(parts[0]);
        }

        var upper = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (Upper(parts[i]) is not { } part)
            {
                return null;
            }

            upper[i] = part;
        }

        return string.Join('.', upper);
    }

    /// <summary>True when the call carries the <c>SAFE.</c> prefix.</summary>
    public static bool IsSafe(SqlList<string> name) =>
        name.Count > 1 && string.Equals(name[0], "SAFE", StringComparison.OrdinalIgnoreCase);

    private static string? Upper(string part)
    {
        foreach (var c in part)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_'))
            {
                return null;
            }
        }

        return part.ToUpperInvariant();
    }
}
