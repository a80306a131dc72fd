using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// A question as words: lower-cased for matching, with the original spelling kept for values (country codes) and
/// quoted phrases kept whole. Hyphens between words split them ("week-over-week", "sign-ups").
/// </summary>
internal sealed partial class QuestionText
{
    /// <summary>Longest question the planner reads; longer text is not a question it can answer.</summary>
    public const int MaxLength = 500;

    private QuestionText(IReadOnlyList<QuestionWord> words) => Words = words;

    public IReadOnlyList<QuestionWord> Words { get; }

    public int Count => Words.Count;

    public static QuestionText Read(string question)
    {
        var words = new List<QuestionWord>();
        foreach (Match match in Tokens().Matches(question))
        {
            if (match.Groups["quoted"].Success)
            {
                var value = match.Groups["quoted"].Value.Trim();
                words.Add(new QuestionWord(value.ToLowerInvariant(), value, true));
            }
            else if (match.Groups["arrow"].Success)
            {
                words.Add(new QuestionWord("→", "→", false));
            }
            else
            {
                words.Add(new QuestionWord(match.Value.ToLowerInvariant(), match.Value, false));
            }
        }

        return new QuestionText(words);
    }

    /// <summary>The lower-case word at <paramref name="index"/>, or "" outside the question.</summary>
    public string this[int index] => index >= 0 && index < Words.Count ? Words[index].Text : string.Empty;

    /// <summary>Index where the words of <paramref name="phrase"/> occur in a row, or -1.</summary>
    public int Find(params string[] phrase) => FindFrom(0, phrase);

    public int FindFrom(int start, params string[] phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        for (var i = Math.Max(0, start); i + phrase.Length <= Words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++)
            {
                all = !Words[i + j].Quoted && Words[i + j].Text == phrase[j];
            }

            if (all)
            {
                return i;
            }
        }

        return -1;
    }

    public bool Has(params string[] phrase) => Find(phrase) >= 0;

    /// <summary>True when any of <paramref name="words"/> occurs (unquoted).</summary>
    public bool HasAny(params string[] words) => Words.Any(w => !w.Quoted && words.Contains(w.Text, StringComparer.Ordinal));

    // Quoted phrases, arrows (→ -> => >), and words of letters, digits, '_', '.', '%' and inner apostrophes.
    [GeneratedRegex("""'(?<quoted>[^']{1,64})'|"(?<quoted>[^"]{1,64})"|‘(?<quoted>[^’]{1,64})’|“(?<quoted>[^”]{1,64})”|(?<arrow>→|->|=>|⇒|>)|%|[\p{L}\p{N}_]+(?:['.][\p{L}\p{N}_]+)*""")]
    private static partial Regex Tokens();
}

/// <summary>One word of a question: lower-cased text, the original spelling, and whether it was quoted.</summary>
internal readonly record struct QuestionWord(string Text, string Original, bool Quoted);
