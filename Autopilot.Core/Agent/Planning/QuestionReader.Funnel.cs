namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    /// <summary>Most steps a funnel may have.</summary>
    public const int MaxFunnelSteps = 8;

    // "funnel session_start → add_to_cart → purchase", "funnel: a, b, c", "conversion from add_to_cart to purchase".
    private List<string> FunnelSteps()
    {
        var steps = new List<string>();
        var arrow = _text.Find("→");
        if (arrow > 0)
        {
            var at = arrow - 1;
            steps.Add(_text[at]);
            Use(at, PlanElement.Measure);
            for (var i = arrow; i < _text.Count && _text[i] == "→"; i += 2)
            {
                steps.Add(_text[i + 1]);
                Use(i, PlanElement.Measure);
                Use(i + 1, PlanElement.Measure);
            }
        }
        else if (_text.Find("funnel") is var funnel and >= 0)
        {
            for (var i = funnel + 1; i < _text.Count; i++)
            {
                var word = _text.Words[i];
                if (word.Text is "from" or "of" or "for" or "the" or "then" or "to" or "and" or "steps" or "step" || (word.Text == "events" && steps.Count == 0))
                {
                    continue;
                }

                if (!IsValue(word) || LastWords.Contains(word.Text))
                {
                    break;
                }

                steps.Add(word.Text);
                Use(i, PlanElement.Measure);
            }
        }
        else if (_text.HasAny("conversion", "convert", "converted") && _text.Find("from") is var from and >= 0
            && _text[from + 2] == "to" && IsValue(_text.Words[from + 1]) && from + 3 < _text.Count && IsValue(_text.Words[from + 3]))
        {
            steps.AddRange([_text[from + 1], _text[from + 3]]);
            MarkUsed(from, from + 3, PlanElement.Measure);
        }

        return steps.Count is >= 2 and <= MaxFunnelSteps && steps.All(s => s.Length > 0 && IsValue(new QuestionWord(s, s, true))) ? steps : [];
    }

    // Funnel steps are event names the data holds, in its spelling; a step it does not hold is left over (the run asks).
    private List<string> KnownSteps(List<string> steps)
    {
        if (steps.Count == 0)
        {
            return steps;
        }

        var values = _roles.Events is { } events && _roles.EventName is { } name && events.Values.TryGetValue(name, out var known) ? known : [];
        var spelled = steps.Select(s => values.FirstOrDefault(v => ValueSpelling.Of(v) == ValueSpelling.Of(s))).ToList();
        if (spelled.All(s => s is not null))
        {
            return spelled.Select(s => s!).ToList();
        }

        foreach (var index in _used.Where(u => u.Value == PlanElement.Measure).Select(u => u.Key).ToList())
        {
            _used.Remove(index);
        }

        return [];
    }
}
