namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    // Words that turn the value after them into an exclusion: "orders not cancelled", "revenue excluding refunded".
    private static readonly string[] NegationWords = ["not", "excluding", "except", "exclude", "non"];

    /// <summary>Longest run of words read as one value ("paid social" → paid_social).</summary>
    private const int MaxValueWords = 3;

    // A filter is a value the data holds (looked up before planning), named in the question in its own spelling or
    // with spaces for underscores. A word that is no known value is left over, and the run asks: a value the data does
    // not hold would only ever give a confident 0.
    private bool ReadFilters(Measure measure, out List<Filter> filters)
    {
        filters = [];
        var tables = FilterTables(measure).ToList();
        for (var i = 0; i < _text.Count; i++)
        {
            if (_used.ContainsKey(i) || MatchValue(tables, i) is not { } match)
            {
                continue;
            }

            var negated = i > 0 && !_used.ContainsKey(i - 1) && NegationWords.Contains(_text[i - 1]);
            var at = filters.FindIndex(f => f.Table == match.Table && string.Equals(f.Column, match.Column, StringComparison.OrdinalIgnoreCase) && f.Negated == negated);
            if (at < 0)
            {
                filters.Add(new Filter(match.Table, match.Column, [match.Value], negated));
            }
            else if (!filters[at].Values.Contains(match.Value, StringComparer.Ordinal))
            {
                // "completed or shipped orders": one filter, either value.
                filters[at] = filters[at] with { Values = [.. filters[at].Values, match.Value] };
            }

            MarkUsed(negated ? i - 1 : i, i + match.Length - 1, PlanElement.Filter);
            i += match.Length - 1;
        }

        // "channel is paid_social", "with status refunded": the column's name belongs to its filter.
        for (var i = 0; i < _text.Count; i++)
        {
            var found = filters;
            if (!_used.ContainsKey(i) && !_text.Words[i].Quoted && found.Any(f => Matches(f.Column, _text[i], Words.Singular(_text[i]))))
            {
                Use(i, PlanElement.Filter);
            }
        }

        return true;
    }

    private IEnumerable<PlanTable> FilterTables(Measure measure) => measure.Kind switch
    {
        MeasureKind.Conversion => DimensionTables(measure.Table).Append(_roles.Transactions!).Distinct(),
        _ when _without is not null => DimensionTables(measure.Table).Append(_without).Distinct(),
        _ => DimensionTables(measure.Table),
    };

    /// <summary>A known value matched in the question: the longest run of words (<see cref="Length"/>) that spells one.</summary>
    private sealed record ValueMatch(PlanTable Table, string Column, string Value, int Length);

    private ValueMatch? MatchValue(List<PlanTable> tables, int index)
    {
        for (var length = _text.Words[index].Quoted ? 1 : MaxValueWords; length >= 1; length--)
        {
            if (index + length > _text.Count || Enumerable.Range(index, length).Any(k => _used.ContainsKey(k) || (length > 1 && _text.Words[k].Quoted)))
            {
                continue;
            }

            var words = _text.Words.Skip(index).Take(length).ToList();
            var spelled = ValueSpelling.Of(string.Join('_', words.Select(w => w.Original)));
            var matches = new List<ValueMatch>();
            foreach (var table in tables)
            {
                foreach (var column in CatalogRoles.Dimensions(table))
                {
                    if (!table.Values.TryGetValue(column.Column, out var values))
                    {
                        continue;
                    }

                    var value = values.FirstOrDefault(v => ValueSpelling.Of(v) == spelled)
                        ?? (length == 1 ? values.FirstOrDefault(v => ValueSpelling.Of(v) == Words.Singular(spelled)) : null);

                    // A short code ("US", "DE") only as written: "us" and "in" are English words too.
                    if (value is not null && (value.Length > 3 || words[0].Quoted || string.Equals(words[0].Original, value, StringComparison.Ordinal)))
                    {
                        matches.Add(new ValueMatch(table, column.Column, value, length));
                    }
                }
            }

            if (matches.Count == 1)
            {
                return matches[0];
            }

            if (matches.Count > 1)
            {
                // The same spelling in two columns: which one is meant is for the person to say.
                return null;
            }
        }

        return null;
    }

    private void MarkUsed(int from, int to, PlanElement element)
    {
        for (var k = Math.Min(from, to); k <= Math.Max(from, to); k++)
        {
            Use(k, element);
        }
    }

    private void Use(int index, PlanElement element)
    {
        if (index >= 0 && index < _text.Count)
        {
            _used.TryAdd(index, element);
        }
    }
}
