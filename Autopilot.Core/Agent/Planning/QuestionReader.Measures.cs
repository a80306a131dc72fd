namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    private static readonly string[] PeopleWords =
        ["user", "users", "customer", "customers", "people", "person", "visitor", "visitors", "member", "members", "account", "accounts"];

    private static readonly string[] BuyerWords = ["buyers", "buyer", "purchasers", "purchaser", "customers", "shoppers"];

    private static readonly string[] TransactionWords = ["transactions", "transaction", "purchases"];

    private static readonly string[] EventWords = ["events", "event", "actions"];

    private static readonly Dictionary<string, string> AggregateWords = new(StringComparer.Ordinal)
    {
        ["average"] = "AVG", ["avg"] = "AVG", ["mean"] = "AVG", ["total"] = "SUM", ["sum"] = "SUM", ["max"] = "MAX",
        ["maximum"] = "MAX", ["largest"] = "MAX", ["biggest"] = "MAX", ["min"] = "MIN", ["minimum"] = "MIN", ["smallest"] = "MIN",
        ["median"] = "MEDIAN", ["highest"] = "MAX", ["lowest"] = "MIN",
    };

    private static readonly string[] ShareWords = ["percentage", "percent", "share", "proportion", "fraction", "%", "pct", "ratio"];

    private static readonly string[] ChangeWords =
        ["change", "changes", "growth", "grew", "increase", "increased", "decrease", "decreased", "vs", "versus", "compared", "wow", "mom", "dod", "yoy", "delta", "difference"];

    private Measure? ReadMeasure(List<string> steps, IReadOnlyList<GroupCandidate> groups)
    {
        var roles = _roles;
        var grouped = groups.Where(g => !IsMeasureWord(g.Index) && (IsPeopleNoun(g.Index) || EventWords.Contains(_text[g.Index]))).Select(g => g.Index).ToHashSet();
        bool Any(params string[] words) => Enumerable.Range(0, _text.Count).Any(i => !grouped.Contains(i) && !_text.Words[i].Quoted && words.Contains(_text[i]));

        if (steps.Count >= 2)
        {
            return EventMeasure(MeasureKind.Funnel, "COUNT_DISTINCT", "users", "users reaching each funnel step");
        }

        if (_text.HasAny("retention", "retained", "retain", "returning") || _text.Has("active", "in", "both"))
        {
            return EventMeasure(MeasureKind.Retention, "COUNT_DISTINCT", "retention_rate", "retention (users active in one period who were active again in the next)");
        }

        if (_text.HasAny("conversion", "convert", "converted", "converting", "conversions"))
        {
            return roles.Events is { } events && roles.EntityIdIn(events) is { } id && roles.Transactions is { } tx && roles.EntityIdIn(tx) is not null
                ? new Measure(MeasureKind.Conversion, events, "COUNT_DISTINCT", id, "conversion_rate",
                    $"conversion rate (share of active {PeopleLabel()} with at least one {Singular(tx)})")
                : null;
        }

        // "what percentage of orders were refunded": the share of the measured rows that match the question's filters.
        if (_text.HasAny(ShareWords) && !_text.HasAny(ChangeWords))
        {
            var shareOf = roles.Transactions is { } shared && Enumerable.Range(0, _text.Count).Any(IsTransactionNoun) ? shared
                : Any(EventWords) ? roles.Events : null;
            // The word is the measure, not a value ("share" is also an event name in many warehouses).
            MarkUsed(_text.Words.ToList().FindIndex(w => ShareWords.Contains(w.Text)), _text.Words.ToList().FindIndex(w => ShareWords.Contains(w.Text)), PlanElement.Measure);
            return shareOf is null ? null : new Measure(MeasureKind.Share, shareOf, "SHARE", null, PlanSql.Alias("pct_of_" + shareOf.Name), $"percentage of {shareOf.Name}");
        }

        if (_text.Has("average", "order", "value") || _text.Has("avg", "order", "value") || _text.HasAny("aov")
            || _text.Has("average", "order") || _text.Has("order", "value") || _text.Has("basket", "size"))
        {
            return AmountMeasure(MeasureKind.AverageAmount, "AVG", $"average_{Singular(roles.Transactions)}_value", "average {0} value (average of {1})");
        }

        if (_text.HasAny("revenue", "sales", "gmv", "turnover", "income", "earnings"))
        {
            return AmountMeasure(MeasureKind.Revenue, "SUM", "revenue", "revenue (sum of {1})");
        }

        if (ColumnAggregate() is { } aggregate)
        {
            return aggregate;
        }

        if (IsNewEntityQuestion(grouped))
        {
            return roles.Entity is { TimeColumn: not null } entity
                ? new Measure(MeasureKind.NewEntities, entity, "COUNT", null, PlanSql.Alias("new_" + entity.Name),
                    $"new {entity.Name} ({entity.Name} created in the window, by {entity.Name}.{entity.TimeColumn})")
                : null;
        }

        if (_text.HasAny("active", "dau", "wau", "mau"))
        {
            return EventMeasure(MeasureKind.ActiveUsers, "COUNT_DISTINCT", "active_users", $"active {PeopleLabel()} (distinct {{0}} with at least one event)");
        }

        if (Any(BuyerWords) || _text.Has("paying") || BuyerPhrase())
        {
            return roles.Transactions is { } tx && roles.EntityIdIn(tx) is { } id
                ? new Measure(MeasureKind.Buyers, tx, "COUNT_DISTINCT", id, "buyers", $"buyers (distinct {id} with at least one {Singular(tx)})")
                : null;
        }

        if (Any(EventWords))
        {
            return EventMeasure(MeasureKind.Events, "COUNT", "events", "events (rows of {1})");
        }

        if (roles.Transactions is { } transactions && Any([.. TransactionWords, .. TableWords(transactions)]))
        {
            return new Measure(MeasureKind.Transactions, transactions, "COUNT", null, PlanSql.Alias(transactions.Name),
                $"{transactions.Name} (rows of {transactions.Display})");
        }

        if (Any(PeopleWords) || (roles.Entity is { } people && Any(TableWords(people))))
        {
            return EventMeasure(MeasureKind.ActiveUsers, "COUNT_DISTINCT", "active_users", $"active {PeopleLabel()} (distinct {{0}} with at least one event)");
        }

        // "top 5 events": the split names the table to count.
        if (groups.Any(g => EventWords.Contains(_text[g.Index])))
        {
            return EventMeasure(MeasureKind.Events, "COUNT", "events", "events (rows of {1})");
        }

        return null;
    }

    // {0} in the label is the entity id column, {1} the table.
    private Measure? EventMeasure(MeasureKind kind, string aggregate, string name, string label)
    {
        if (_roles.Events is not { } events || _roles.EventName is null)
        {
            return null;
        }

        var id = _roles.EntityIdIn(events);
        if (aggregate == "COUNT_DISTINCT" && id is null)
        {
            return null;
        }

        return new Measure(kind, events, aggregate, aggregate == "COUNT" ? null : id, name,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, label, id, events.Display));
    }

    // {0} in the label is the transactions' singular ("order"), {1} table.amount.
    private Measure? AmountMeasure(MeasureKind kind, string aggregate, string name, string label)
    {
        if (_roles.Transactions is not { } tx || _roles.Amount is not { } amount)
        {
            return null;
        }

        return new Measure(kind, tx, aggregate, amount, PlanSql.Alias(name),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, label, Singular(tx), $"{tx.Name}.{amount}"));
    }

    // "average amount", "total amount", "max price", "median order amount", "largest order", "p90 amount": an aggregate
    // word, then a numeric column a table of a role has (the transactions' amount when only the noun follows).
    private Measure? ColumnAggregate()
    {
        for (var i = 0; i < _text.Count; i++)
        {
            if (Percentile(i) is not { } aggregate && !AggregateWords.TryGetValue(_text[i], out aggregate))
            {
                continue;
            }

            var measure = AggregateAfter(i, aggregate);
            if (measure is not null)
            {
                Use(i, PlanElement.Measure);
                if (_text[i] == "percentile")
                {
                    Use(i - 1, PlanElement.Measure);
                }

                return measure;
            }
        }

        return null;
    }

    private Measure? AggregateAfter(int i, string aggregate)
    {
        for (var j = i + 1; j <= i + 3 && j < _text.Count; j++)
        {
            if (_text[j] is "of" or "the" or "an" or "a")
            {
                continue;
            }

            if (IsTransactionNoun(j) && _roles.Transactions is { } orders && _roles.Amount is { } amount
                && !(j + 1 < _text.Count && orders.Columns.Any(c => CatalogColumnFacts.IsNumeric(c.DataType) && string.Equals(c.Column, _text[j + 1], StringComparison.OrdinalIgnoreCase))))
            {
                // "largest order": the amount of an order.
                return AggregateOf(orders, amount, aggregate);
            }

            if (IsTransactionNoun(j))
            {
                continue;
            }

            foreach (var table in _roles.Tables.OrderByDescending(t => t == _roles.Transactions))
            {
                var column = table.Columns.FirstOrDefault(c =>
                    CatalogColumnFacts.IsNumeric(c.DataType) && !CatalogRoles.IsIdName(c.Column) && !CatalogColumnFacts.IsPiiOrSuspect(c)
                    && (string.Equals(c.Column, _text[j], StringComparison.OrdinalIgnoreCase)
                        || string.Equals(c.Column, Words.Singular(_text[j]), StringComparison.OrdinalIgnoreCase)));
                if (column is not null)
                {
                    Use(j, PlanElement.Measure);
                    return AggregateOf(table, column.Column, aggregate);
                }
            }

            break;
        }

        return null;
    }

    private static Measure AggregateOf(PlanTable table, string column, string aggregate)
    {
        var word = aggregate switch
        {
            "AVG" => "average",
            "SUM" => "total",
            "MAX" => "max",
            "MIN" => "min",
            "MEDIAN" => "median",
            _ => aggregate.ToLowerInvariant(),
        };
        var how = aggregate switch
        {
            "MEDIAN" => "APPROX_QUANTILES, the 50th of 100 quantiles",
            ['P', ..] => $"APPROX_QUANTILES, the {aggregate[1..]}th of 100 quantiles",
            _ => aggregate,
        };
        return new Measure(MeasureKind.ColumnAggregate, table, aggregate, column, PlanSql.Alias($"{word}_{column}"),
            $"{word} {column} ({how} of {table.Name}.{column})");
    }

    // "p90", "95th percentile": the percentile as P90.
    private string? Percentile(int index)
    {
        var word = _text[index];
        var digits = word.Length is 3 && word[0] == 'p' && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) ? word[1..]
            : word == "percentile" && _text[index - 1] is { Length: 4 } n && char.IsAsciiDigit(n[0]) && char.IsAsciiDigit(n[1]) && n[2..] is "th" or "st" or "nd" or "rd" ? n[..2]
            : null;
        return digits is null or "00" ? null : "P" + digits;
    }

    private bool IsNewEntityQuestion(HashSet<int> grouped)
    {
        if (_text.HasAny("signups", "signup", "registrations", "registration", "registered", "joined")
            || _text.Has("sign", "ups") || _text.Has("sign", "up") || _text.Has("signed", "up"))
        {
            return true;
        }

        for (var i = 0; i + 1 < _text.Count; i++)
        {
            if (_text[i] == "new" && !grouped.Contains(i + 1) && IsPeopleNoun(i + 1))
            {
                return true;
            }
        }

        return false;
    }

    // "users who ordered", "customers that placed an order", "users with an order".
    private bool BuyerPhrase()
    {
        for (var i = 0; i + 1 < _text.Count; i++)
        {
            if (!IsPeopleNoun(i))
            {
                continue;
            }

            if (_text[i + 1] is "who" or "that" && _text[i + 2] is "ordered" or "bought" or "purchased" or "placed" or "made" or "paid")
            {
                return true;
            }

            if (_text[i + 1] == "with" && (IsTransactionNoun(i + 2) || (_text[i + 2] is "a" or "an" && IsTransactionNoun(i + 3))))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPeopleNoun(int index) =>
        PeopleWords.Contains(_text[index]) || (_roles.Entity is { } entity && TableWords(entity).Contains(_text[index]));

    private bool IsTransactionNoun(int index) =>
        _roles.Transactions is { } tx && (TransactionWords.Contains(_text[index]) || TableWords(tx).Contains(_text[index]));

    private static string[] TableWords(PlanTable table)
    {
        var name = table.Name.ToLowerInvariant();
        return [name, Words.Singular(name)];
    }

    private static string Singular(PlanTable? table) => table is null ? "row" : Words.Singular(table.Name.ToLowerInvariant());

    private string PeopleLabel() => _roles.Entity?.Name ?? "users";
}
