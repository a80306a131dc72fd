using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The same test for every planner's plan, before it is used: the plan says how it read the question, every word of
/// the question is accounted for (a planner may call filler only what is filler), and every value it filters on, and
/// every word-like string literal in its SQL, is a value the data holds. Problems come back as sentences; the words
/// the plan did not use are listed apart, for the run to ask about.
/// </summary>
public static partial class QuestionAccounting
{
    public static (IReadOnlyList<string> Unused, IReadOnlyList<string> Problems) Check(string question, AgentPlan plan, AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(catalog);
        if (plan.Reading is not { } reading)
        {
            return ([], ["The plan does not say which words of the question produced which of its parts."]);
        }

        var problems = new List<string>();
        if (!string.Equals(reading.Question, question, StringComparison.Ordinal))
        {
            problems.Add("The plan's reading is of another question.");
        }

        var claimed = reading.Words.GroupBy(w => w.Word.ToLowerInvariant()).ToDictionary(g => g.Key, g => new Queue<PlanWord>(g), StringComparer.Ordinal);
        var unused = new List<string>();
        foreach (var word in QuestionText.Read(question ?? string.Empty).Words)
        {
            var use = claimed.TryGetValue(word.Text, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            if (use is null || (use.Element == PlanElement.Filler && !QuestionVocabulary.Filler.Contains(word.Text)))
            {
                unused.Add(word.Original);
            }
        }

        foreach (var filter in reading.Filters)
        {
            var parts = filter.Table.Split('.');
            var known = parts.Length == 2 ? catalog.ValuesOf(parts[0], parts[1], filter.Column) : null;
            foreach (var value in filter.Values)
            {
                if (known is null || !known.Contains(value, StringComparer.Ordinal))
                {
                    problems.Add($"The plan filters {filter.Table}.{filter.Column} on \"{value}\", which is not a value the data holds.");
                }
            }
        }

        var values = catalog.Values.SelectMany(v => v.Values).ToHashSet(StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            foreach (Match literal in Literal().Matches(step.Sql ?? string.Empty))
            {
                var text = Regex.Unescape(literal.Groups[1].Value);
                if (WordLike().IsMatch(text) && !values.Contains(text) && !values.Contains(text, StringComparer.OrdinalIgnoreCase))
                {
                    problems.Add($"Step {step.StepId} compares with \"{text}\", which is not a value the data holds.");
                }
            }
        }

        return (unused, problems.Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'")]
    private static partial Regex Literal();

    // Text that reads as a value (a word, or words joined by '_' or spaces) rather than a date, a format or a unit.
    [GeneratedRegex(@"^(?!\d)(?!UTC$)[\p{L}\p{N}_ '\-]{1,64}$")]
    private static partial Regex WordLike();
}
