using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    // Words commonly used as transaction statuses: "completed orders", "orders that were refunded".
    private static readonly string[] StatusWords =
    [
        "completed", "complete", "paid", "pending", "cancelled", "canceled", "refunded", "failed", "shipped", "delivered",
        "returned", "fulfilled", "processing", "open", "closed", "successful", "declined", "disputed",
    ];

    // Capitalised words that are not country codes.
    private static readonly string[] Acronyms = ["dau", "wau", "mau", "aov", "gmv", "wtd", "mtd", "ytd", "wow", "mom", "dod", "yoy", "all", "any"];

    private static readonly string[] ValueLeads = ["from", "via", "in", "on", "through", "with", "for", "the"];

    private bool ReadFilters(Measure measure, out List<Filter> filters)
    {
        filters = [];
        var found = filters;
        void Add(Filter filter)
        {
            if (!found.Any(f => f.Table == filter.Table && string.Equals(f.Column, filter.Column, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(filter);
            }
        }

        var tables = FilterTables(measure).ToList();
        if (!StatusFilters(measure, Add) || !CountryFilters(tables, Add) || !EventFilters(measure, Add))
        {
            return false;
        }

        ColumnFilters(tables, Add);
        return NoDimensionLeftOver(tables);
    }

    // A dimension the question names but no split or filter took ("what is the status of orders"): reading on would
    // answer a different question.
    private bool NoDimensionLeftOver(List<PlanTable> tables)
    {
        for (var i = 0; i < _text.Count; i++)
        {
            if (_used.Contains(i) || _text.Words[i].Quoted)
            {
                continue;
            }

            var named = tables.SelectMany(CatalogRoles.Dimensions).FirstOrDefault(c => Matches(c.Column, _text[i], Words.Singular(_text[i])));
            if (named is not null && !Drop($"Left out \"{_text.Words[i].Original}\": the question names {named.Column} without a value to filter on or a split."))
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<PlanTable> FilterTables(Measure measure) => measure.Kind switch
    {
        MeasureKind.Conversion => DimensionTables(measure.Table).Append(_roles.Transactions!).Distinct(),
        _ => DimensionTables(measure.Table),
    };

    // "country is DE", "with status completed", "channel = paid_social", "from the email channel".
    private void ColumnFilters(List<PlanTable> tables, Action<Filter> add)
    {
        for (var i = 0; i < _text.Count; i++)
        {
            if (_used.Contains(i) || _text.Words[i].Quoted || _text[i - 1] is "by" or "per" or "each" or "every" or "across" or "top")
            {
                continue;
            }

            foreach (var table in tables)
            {
                var column = CatalogRoles.Dimensions(table).FirstOrDefault(c => Matches(c.Column, _text[i], Words.Singular(_text[i]))
                    || (i + 1 < _text.Count && Matches(c.Column, $"{_text[i]}_{_text[i + 1]}", $"{Words.Singular(_text[i])}_{Words.Singular(_text[i + 1])}")));
                if (column is null)
                {
                    continue;
                }

                var end = Matches(column.Column, _text[i], Words.Singular(_text[i])) ? i : i + 1;
                var after = end + 1;
                while (_text[after] is "is" or "equals" or "equal" or "to" or "of" or "was" or "were" or "being")
                {
                    after++;
                }

                if (after < _text.Count && !_used.Contains(after) && IsValue(_text.Words[after]) && Words.Number(_text[after]) is null && !IsNoun(after))
                {
                    add(new Filter(table, column.Column, Value(after)));
                    MarkUsed(i, after);
                    break;
                }

                var before = i - 1;
                if (before >= 0 && !_used.Contains(before) && IsValue(_text.Words[before]) && !IsNoun(before)
                    && (_text.Words[before].Quoted || ValueLeads.Contains(_text[before - 1])))
                {
                    add(new Filter(table, column.Column, Value(before)));
                    MarkUsed(before, end);
                    break;
                }
            }
        }
    }

    // "in the US", "from DE": a country code as written (two or three capitals) goes on a country-like dimension.
    private bool CountryFilters(List<PlanTable> tables, Action<Filter> add)
    {
        for (var i = 0; i + 1 < _text.Count; i++)
        {
            if (_text[i] is not ("in" or "from"))
            {
                continue;
            }

            var at = _text[i + 1] == "the" ? i + 2 : i + 1;
            if (at >= _text.Count || _text.Words[at].Quoted || !CountryCode().IsMatch(_text.Words[at].Original) || Acronyms.Contains(_text[at]))
            {
                continue;
            }

            var column = tables.SelectMany(t => CatalogRoles.Dimensions(t).Select(c => (Table: t, Column: c)))
                .FirstOrDefault(d => d.Column.Column.Contains("country", StringComparison.OrdinalIgnoreCase));
            if (column.Table is null)
            {
                if (!Drop($"Left out the filter \"{_text.Words[at].Original}\": no country column in the catalog."))
                {
                    return false;
                }

                continue;
            }

            add(new Filter(column.Table, column.Column.Column, _text.Words[at].Original));
            MarkUsed(i, at);
        }

        return true;
    }

    // "completed orders", "orders that were refunded", "revenue from paid orders": a status word next to the noun.
    private bool StatusFilters(Measure measure, Action<Filter> add)
    {
        if (_roles.Transactions is not { } tx || (measure.Table != tx && measure.Kind != MeasureKind.Conversion))
        {
            return true;
        }

        for (var i = 0; i < _text.Count; i++)
        {
            if (!IsTransactionNoun(i))
            {
                continue;
            }

            var at = -1;
            if (i > 0 && !_used.Contains(i - 1) && (StatusWords.Contains(_text[i - 1]) || IsAdjectiveValue(i - 1)))
            {
                at = i - 1;
            }
            else
            {
                for (var j = i + 1; j <= i + 3 && j < _text.Count; j++)
                {
                    if (StatusWords.Contains(_text[j]))
                    {
                        at = j;
                        break;
                    }

                    if (_text[j] is not ("that" or "which" or "were" or "are" or "was" or "is" or "got" or "been" or "being"))
                    {
                        break;
                    }
                }
            }

            if (at < 0)
            {
                continue;
            }

            if (_roles.Status is not { } status)
            {
                if (!Drop($"Left out \"{_text[at]}\": {tx.Display} has no status column."))
                {
                    return false;
                }

                continue;
            }

            add(new Filter(tx, status, _text[at]));
            _used.Add(at);
        }

        return true;
    }

    // "purchase events", "users who did add_to_cart", "events named search": an event name on the event table.
    private bool EventFilters(Measure measure, Action<Filter> add)
    {
        if (measure.Table != _roles.Events || _roles.EventName is not { } eventName || measure.Kind is MeasureKind.Funnel or MeasureKind.Retention or MeasureKind.Conversion)
        {
            return true;
        }

        for (var i = 0; i < _text.Count; i++)
        {
            int at;
            if (EventWords.Contains(_text[i]) && i > 0 && !_used.Contains(i - 1) && !_text.Words[i - 1].Quoted && _text[i + 1] is not ("name" or "names" or "type" or "types"))
            {
                at = i - 1;
            }
            else if (_text[i] is "named" or "called" && EventWords.Contains(_text[i - 1]))
            {
                at = i + 1;
            }
            else if (IsPeopleNoun(i) && _text[i + 1] is "who" or "that" && _text[i + 2] is "did" or "triggered" or "performed" or "fired" or "had")
            {
                at = i + 3;
            }
            else
            {
                continue;
            }

            var word = _text.Words.ElementAtOrDefault(at);
            if (at < 0 || at >= _text.Count || !IsValue(word) || Words.Number(word.Text) is not null || IsMeasureWord(at)
                || word.Text is "active" or "new" or "unique" or "distinct" or "all" or "user" or "users" or "these" or "those" or "such" or "different" or "other")
            {
                continue;
            }

            add(new Filter(measure.Table, eventName, word.Text));
            _used.Add(at);
        }

        return true;
    }

    // "settled payments": an unknown word right before the transactions' noun reads as a status the catalog cannot
    // list (it keeps only ranges of text columns); the risks say a value the data lacks gives an empty answer.
    private bool IsAdjectiveValue(int index) =>
        IsValue(_text.Words[index]) && !_text.Words[index].Quoted && Words.Number(_text[index]) is null && !IsNoun(index)
        && !CountryCode().IsMatch(_text.Words[index].Original) && !Acronyms.Contains(_text[index]) && !RefusedWords.Contains(_text[index])
        && !_roles.Tables.SelectMany(CatalogRoles.Dimensions).Any(c => Matches(c.Column, _text[index], Words.Singular(_text[index])));

    // A word naming what is counted (orders, users, events): never a filter value unless quoted.
    private bool IsNoun(int index) =>
        !_text.Words[index].Quoted && (IsTransactionNoun(index) || IsPeopleNoun(index) || EventWords.Contains(_text[index]) || IsMeasureWord(index));

    private string Value(int index) => _text.Words[index] is var word && (word.Quoted || CountryCode().IsMatch(word.Original)) ? word.Original : word.Text;

    private void MarkUsed(int from, int to)
    {
        for (var k = Math.Min(from, to); k <= Math.Max(from, to); k++)
        {
            _used.Add(k);
        }
    }

    [GeneratedRegex("^[A-Z]{2,3}$")]
    private static partial Regex CountryCode();
}
