namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    /// <summary>
    /// Every word of the question with the element it produced: the words the reading used (window, split, filter
    /// values), then the words of the chosen measure, its subject, grain, comparison and ordering, then filler. The
    /// rest are <paramref name="unused"/>: content the plan would silently ignore.
    /// </summary>
    private List<PlanWord> Account(PlanRequest request, out List<string> unused)
    {
        var words = new List<PlanWord>(_text.Count);
        unused = [];
        for (var i = 0; i < _text.Count; i++)
        {
            var element = _used.TryGetValue(i, out var used) ? used : Element(request, i);
            if (element is null)
            {
                unused.Add(_text.Words[i].Original);
                continue;
            }

            words.Add(new PlanWord(_text.Words[i].Original, element.Value));
        }

        return words;
    }

    private PlanElement? Element(PlanRequest request, int index)
    {
        var word = _text[index];
        if (_text.Words[index].Quoted)
        {
            return null;
        }

        var measure = request.Measure;
        if (QuestionVocabulary.Of(measure.Kind).Contains(word)
            || (measure.Aggregate == "COUNT_DISTINCT" && QuestionVocabulary.Distinct.Contains(word)))
        {
            return PlanElement.Measure;
        }

        if (IsSubject(request, index))
        {
            return PlanElement.Entity;
        }

        if (request.Grain != TimeGrain.None && (QuestionVocabulary.Grain.Contains(word) || word is "a" or "by"))
        {
            return PlanElement.Grouping;
        }

        if (request.Compare && (QuestionVocabulary.Compare.Contains(word) || word == "%"))
        {
            return PlanElement.Window;
        }

        if (request.GroupBy is not null && QuestionVocabulary.Ordering.Contains(word))
        {
            return PlanElement.Ordering;
        }

        if (request.Top is not null && Words.Number(word) is not null && index > 0 && _text[index - 1] is "top" or "bottom" or "best" or "worst")
        {
            return PlanElement.Limit;
        }

        return QuestionVocabulary.Filler.Contains(word) ? PlanElement.Filler : null;
    }

    // Whether the word names what the plan counts: its table ("orders", "events"), or people when the plan is about
    // people or looks them up ("revenue from paid social users").
    private bool IsSubject(PlanRequest request, int index)
    {
        var measure = request.Measure;
        var table = measure.Table;
        var aboutPeople = measure.Kind is MeasureKind.ActiveUsers or MeasureKind.NewEntities or MeasureKind.Buyers
            or MeasureKind.Conversion or MeasureKind.Retention or MeasureKind.Funnel or MeasureKind.Entities;

        // The table's own name counts only when its rows are what is counted: active users are read from events, but
        // "events" in a question about active users is not about them.
        if ((!aboutPeople || table == _roles.Entity) && (TableWords(table).Contains(_text[index]) || TableWords(table).Contains(Words.Singular(_text[index]))))
        {
            return true;
        }

        if (table == _roles.Transactions && measure.Kind is not MeasureKind.Buyers && TransactionWords.Contains(_text[index]))
        {
            return true;
        }

        var looksUpPeople = _roles.Entity is { } entity && (request.Filters.Any(f => f.Table == entity) || request.Splits.Any(g => g.Table == entity));
        if ((aboutPeople || looksUpPeople) && IsPeopleNoun(index))
        {
            return true;
        }

        // "users who ordered": buyers are counted from the transactions table.
        return measure.Kind is MeasureKind.Buyers or MeasureKind.Conversion && IsTransactionNoun(index);
    }

    /// <summary>After a failed reading: the words no part of the planner knows (neither filler nor any measure's).</summary>
    private List<string> UnknownWords()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<MeasureKind>())
        {
            known.UnionWith(QuestionVocabulary.Of(kind));
        }

        known.UnionWith(QuestionVocabulary.Filler);
        known.UnionWith(QuestionVocabulary.Grain);
        known.UnionWith(QuestionVocabulary.Compare);
        known.UnionWith(QuestionVocabulary.Ordering);
        known.UnionWith(QuestionVocabulary.People);
        known.UnionWith(QuestionVocabulary.Distinct);
        known.UnionWith(TransactionWords);
        known.UnionWith(EventWords);
        known.UnionWith(RefusedWords);
        foreach (var table in _roles.Tables)
        {
            known.UnionWith(TableWords(table));
            known.UnionWith(table.Columns.Select(c => c.Column.ToLowerInvariant()));
        }

        return Enumerable.Range(0, _text.Count)
            .Where(i => !_used.ContainsKey(i) && (_text.Words[i].Quoted || (!known.Contains(_text[i]) && !known.Contains(Words.Singular(_text[i])) && Words.Number(_text[i]) is null)))
            .Select(i => _text.Words[i].Original)
            .ToList();
    }
}
