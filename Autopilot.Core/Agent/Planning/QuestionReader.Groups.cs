namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    /// <summary>Rows a "top" without a number keeps.</summary>
    public const int DefaultTop = 10;

    /// <summary>Most rows a "top N" may ask for.</summary>
    public const int MaxTop = 100;

    private static readonly string[] GrainWords = ["day", "days", "week", "weeks", "month", "months", "year", "years", "date", "time", "period"];

    /// <summary>A word that may name what the answer is split by, and what led to it.</summary>
    private sealed record GroupCandidate(int Index, int? Top, bool Ascending, bool Explicit);

    // Positions of nouns after "top 5", "bottom 3", "which", "by", "per", "for each", "across", "rank".
    private List<GroupCandidate> GroupCandidates()
    {
        var candidates = new List<GroupCandidate>();
        for (var i = 0; i < _text.Count; i++)
        {
            var word = _text[i];
            if (_text.Words[i].Quoted)
            {
                continue;
            }

            if (word is "top" or "bottom" or "best" or "worst")
            {
                var number = Words.Number(_text[i + 1]);
                var at = number is null ? i + 1 : i + 2;
                if (_text[at] is "the")
                {
                    at++;
                }

                if (at < _text.Count && !GrainWords.Contains(_text[at]) && number is not 0)
                {
                    candidates.Add(new GroupCandidate(at, Math.Min(number ?? DefaultTop, MaxTop), word is "bottom" or "worst", true));
                }
            }
            else if (word is "which" && i + 1 < _text.Count)
            {
                var ascending = _text.HasAny("least", "fewest", "lowest", "smallest", "worst");
                if (ascending || _text.HasAny("most", "highest", "largest", "biggest", "best", "top", "more"))
                {
                    candidates.Add(new GroupCandidate(i + 1, 1, ascending, false));
                }
            }
            else if (word is "by" or "per" or "across" or "each" or "every" or "rank" or "ranked")
            {
                var at = i + 1;
                while (_text[at] is "the" or "each" or "every" or "their")
                {
                    at++;
                }

                if (at < _text.Count && !GrainWords.Contains(_text[at]) && Words.Number(_text[at]) is null)
                {
                    candidates.Add(new GroupCandidate(at, null, false, true));

                    // "by country and channel": a second split, which one grouped query here does not answer.
                    if (_text[at + 1] == "and" && at + 2 < _text.Count && !GrainWords.Contains(_text[at + 2]))
                    {
                        candidates.Add(new GroupCandidate(at + 2, null, false, true));
                    }
                }
            }
        }

        return candidates;
    }

    private bool ReadGroup(Measure measure, IReadOnlyList<GroupCandidate> candidates, out Dimension? group, out Dimension? thenBy, out int? top, out bool ascending)
    {
        group = null;
        thenBy = null;
        top = null;
        ascending = false;
        foreach (var candidate in candidates)
        {
            if (IsMeasureWord(candidate.Index) || _used.GetValueOrDefault(candidate.Index) == PlanElement.Measure)
            {
                // "top 5 countries by revenue": "revenue" is what is ranked, not a split.
                continue;
            }

            var found = ResolveGroup(measure, candidate.Index);
            if (found is null)
            {
                if (!candidate.Explicit)
                {
                    continue;
                }

                if (!Drop($"Left out the split by \"{_text.Words[candidate.Index].Original}\": no such dimension in the catalog."))
                {
                    return false;
                }

                continue;
            }

            if (group is not null && group != found)
            {
                // "revenue by channel and country": a second split, one grouped query over both; a third is refused.
                if (thenBy is not null && thenBy != found)
                {
                    return false;
                }

                thenBy = found;
            }
            else
            {
                group = found;
            }

            Use(candidate.Index, PlanElement.Grouping);
            if (candidate.Top is { } n)
            {
                top = top is null ? n : Math.Min(top.Value, n);
                ascending |= candidate.Ascending;
            }
        }

        if (thenBy is not null && (top is not null || group!.Column == _roles.EntityIdIn(measure.Table) || thenBy.Column == _roles.EntityIdIn(measure.Table)))
        {
            // "top 5 countries by revenue by channel" means five per channel, which one LIMIT does not give.
            return false;
        }

        if (group is not null && group.Column == _roles.EntityIdIn(measure.Table) && top is null)
        {
            // "orders per user" asks for a distribution, which a ranked list of every user would not answer.
            return false;
        }

        return true;
    }

    private Dimension? ResolveGroup(Measure measure, int index)
    {
        var word = _text[index];
        var singular = Words.Singular(word);
        var table = measure.Table;
        if (word is "event" or "events" && table == _roles.Events && _roles.EventName is { } eventName)
        {
            if (_text[index + 1] is "name" or "names" or "type" or "types")
            {
                Use(index + 1, PlanElement.Grouping);
            }

            return new Dimension(table, eventName, "event name");
        }

        if (IsPeopleNoun(index) && _roles.EntityIdIn(table) is { } id && measure.Kind is not (MeasureKind.ActiveUsers or MeasureKind.Buyers or MeasureKind.NewEntities))
        {
            return new Dimension(table, id, Words.Singular(word));
        }

        foreach (var candidate in DimensionTables(table))
        {
            var dimensions = CatalogRoles.Dimensions(candidate).ToList();
            var column = dimensions.FirstOrDefault(c => Matches(c.Column, word, singular))
                ?? (_text[index + 1] is { Length: > 0 } next
                    ? dimensions.FirstOrDefault(c => Matches(c.Column, $"{singular}_{Words.Singular(next)}", $"{word}_{next}"))
                    : null);
            if (column is not null)
            {
                if (!string.Equals(column.Column, word, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(column.Column, singular, StringComparison.OrdinalIgnoreCase)
                    && column.Column.Contains('_', StringComparison.Ordinal) && _text[index + 1].Length > 0)
                {
                    Use(index + 1, PlanElement.Grouping);
                }

                return new Dimension(candidate, column.Column, column.Column.Replace('_', ' '));
            }
        }

        return null;
    }

    /// <summary>The tables whose dimensions a measure over <paramref name="table"/> can be split or filtered by.</summary>
    private IEnumerable<PlanTable> DimensionTables(PlanTable table)
    {
        yield return table;
        if (_roles.Links(table))
        {
            yield return _roles.Entity!;
        }
    }

    private static bool Matches(string column, string word, string singular) =>
        string.Equals(column, word, StringComparison.OrdinalIgnoreCase)
        || string.Equals(column, singular, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Words.Singular(column.ToLowerInvariant()), singular, StringComparison.Ordinal);

    // Words that name what is measured or ranked by, so "by revenue" or "top 5 by orders" is not a split.
    private bool IsMeasureWord(int index)
    {
        var word = _text[index];
        return word is "revenue" or "sales" or "gmv" or "turnover" or "income" or "earnings" or "count" or "number" or "amount" or "volume"
                or "activity" or "value" or "total" or "conversion" or "retention" or "active" or "new" or "average" or "avg" or "sum" or "aov"
                or "most" or "highest" or "share"
            || (IsTransactionNoun(index) && _text[index - 1] is "by")
            || (EventWords.Contains(word) && _text[index - 1] is "by" && _text[index + 1] is not ("name" or "names" or "type" or "types"))
            || (IsPeopleNoun(index) && _text[index - 1] is "by" && _text[index - 2] is not ("grouped" or "split" or "broken" or "breakdown"));
    }
}
