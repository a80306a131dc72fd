namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// What the run asks back when a question has words the planner cannot use: the words, and the closest questions it
/// can answer — the question without them, the question with a near spelling of a value the data holds, then examples.
/// </summary>
internal static class PlannerClarification
{
    /// <summary>Most suggestions offered.</summary>
    public const int MaxSuggestions = 5;

    public static PlanClarification? For(string question, AgentCatalog catalog, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var roles = CatalogRoles.Find(catalog);
        var reading = QuestionReader.Read(question, roles, lenient: false, today);
        if (reading.Request is not null || reading.Unused.Count == 0)
        {
            return null;
        }

        var unused = reading.Unused.Distinct(StringComparer.Ordinal).ToList();
        var suggestions = new List<string>();
        void Offer(string candidate)
        {
            if (suggestions.Count < MaxSuggestions && !suggestions.Contains(candidate, StringComparer.OrdinalIgnoreCase)
                && !string.Equals(candidate, question, StringComparison.OrdinalIgnoreCase)
                && QuestionReader.Read(candidate, roles, lenient: false, today).Request is not null)
            {
                suggestions.Add(candidate);
            }
        }

        var words = QuestionText.Read(question).Words;
        if (reading.Uncovered is { } why)
        {
            // The question without its window reads over the default one, which the data covers.
            Offer(Rewrite(words, w => reading.Unused.Contains(w, StringComparer.Ordinal) || w is "in" or "on" or "during" or "for" ? null : w));
            foreach (var example in DeterministicPlanner.SupportedQuestions.Take(2))
            {
                Offer(example);
            }

            return new PlanClarification($"{why} Questions I can answer that come closest:", reading.Unused, suggestions);
        }

        var values = catalog.Values.SelectMany(v => v.Values).Distinct(StringComparer.Ordinal).ToList();
        foreach (var word in unused)
        {
            foreach (var value in values.Where(v => Distance(ValueSpelling.Of(v), ValueSpelling.Of(word)) <= 2).Take(2))
            {
                Offer(Rewrite(words, w => w == word ? value : w));
            }
        }

        Offer(Rewrite(words, w => unused.Contains(w, StringComparer.Ordinal) ? null : w));
        foreach (var example in DeterministicPlanner.SupportedQuestions.Take(MaxSuggestions))
        {
            if (suggestions.Count >= 3)
            {
                break;
            }

            Offer(example);
        }

        var named = string.Join(", ", unused.Select(w => $"\"{w}\""));
        return new PlanClarification(
            $"I could not use {named} in your question, so I have not answered it: an answer that ignored {(unused.Count == 1 ? "that word" : "those words")} could be wrong. Questions I can answer that come closest:",
            unused,
            suggestions);
    }

    private static string Rewrite(IReadOnlyList<QuestionWord> words, Func<string, string?> map) =>
        string.Join(' ', words.Select(w => map(w.Original) is { } kept ? (w.Quoted ? $"\"{kept}\"" : kept) : null).OfType<string>());

    // Levenshtein distance, for "did you mean" spellings of values.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
