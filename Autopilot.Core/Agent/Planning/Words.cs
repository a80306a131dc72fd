using System.Collections.Frozen;
using System.Globalization;

namespace Autopilot.Core.Agent.Planning;

/// <summary>Small facts of English the question reader needs: singulars, numbers in words, words that are never values.</summary>
internal static class Words
{
    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["a"] = 1, ["an"] = 1, ["two"] = 2, ["couple"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["sixty"] = 60, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that frame a question or a window and so are never a filter value, an event name or a dimension.</summary>
    public static FrozenSet<string> Structural { get; } = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "from", "by", "per", "with", "without", "via",
        "over", "across", "each", "every", "all", "any", "is", "are", "was", "were", "be", "been", "do", "does", "did",
        "has", "have", "had", "how", "many", "much", "what", "whats", "what's", "which", "who", "when", "where", "show",
        "me", "give", "list", "tell", "our", "my", "we", "total", "number", "count", "daily", "weekly", "monthly",
        "last", "past", "previous", "prior", "trailing", "this", "current", "today", "yesterday", "day", "days", "week",
        "weeks", "month", "months", "year", "years", "vs", "versus", "than", "compared", "top", "bottom", "most",
        "least", "new", "unique", "distinct", "recent", "that", "these", "those", "it", "its", "so", "far", "since",
        "between", "as", "up", "down", "trend", "time", "split", "broken", "breakdown", "grouped", "group", "there",
        "equal", "equals", "not", "get", "got", "see", "average", "avg", "mean", "sum", "rate",
    ], StringComparer.Ordinal);

    /// <summary>A number written in digits (up to 9999) or in words; null otherwise.</summary>
    public static int? Number(string word)
    {
        if (word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit))
        {
            return int.Parse(word, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return NumberWords.TryGetValue(word, out var n) ? n : null;
    }

    /// <summary>English singular of a lower-case noun, near enough for table and column names.</summary>
    public static string Singular(string word)
    {
        if (word.Length > 3 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return word[..^3] + "y";
        }

        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("uses", StringComparison.Ordinal)
            || word.EndsWith("xes", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }

        if (word.Length > 2 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
