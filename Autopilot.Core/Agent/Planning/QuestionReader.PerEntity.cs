namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    // "per active user", "per customer", "per paying user": the person words after "per".
    private static readonly string[] PerPersonAdjectives = ["active", "paying", "buying", "engaged"];

    /// <summary>
    /// "events per active user", "orders per user", "average order value per customer": the measure averaged over the
    /// people who have rows of its table in the window, with the person as the question names it ("active user"), or
    /// null when the question has no such phrase. The phrase's words are marked used.
    /// </summary>
    private (Measure Measure, string Person)? ReadPerEntity()
    {
        var at = _text.Find("per");
        while (at >= 0)
        {
            var k = at + 1;
            var adjective = PerPersonAdjectives.Contains(_text[k]) ? _text[k++] : null;
            if (IsPeopleNoun(k) || BuyerWords.Contains(_text[k]))
            {
                var measure = PerEntityBase();
                if (measure is null || _roles.EntityIdIn(measure.Table) is null)
                {
                    return null;
                }

                // Who is averaged over is who has rows of the measured table: active users have events, buyers orders.
                var activeOverOrders = adjective is "active" or "engaged" && measure.Table != _roles.Events;
                var buyersOverEvents = (adjective is "paying" or "buying" || BuyerWords.Contains(_text[k]) && _text[k] is not "customer" and not "customers")
                    && measure.Table == _roles.Events;
                if (activeOverOrders || buyersOverEvents)
                {
                    return null;
                }

                MarkUsed(at, k, PlanElement.Measure);
                foreach (var i in Enumerable.Range(0, _text.Count).Where(i => _text[i] is "average" or "avg" or "mean"))
                {
                    Use(i, PlanElement.Measure);
                }

                var person = Words.Singular(string.Join(' ', Enumerable.Range(at + 1, k - at).Select(i => _text[i])));
                return (measure, person);
            }

            at = _text.FindFrom(at + 1, "per");
        }

        return null;
    }

    // What is averaged per person: an average order value, revenue, events or orders — in that order, since "order
    // value" names orders too.
    private Measure? PerEntityBase()
    {
        if (_text.Has("order", "value") || _text.HasAny("aov") || _text.Has("basket", "size"))
        {
            return AmountMeasure(MeasureKind.AverageAmount, "AVG", $"average_{Singular(_roles.Transactions)}_value", "average {0} value (average of {1})");
        }

        if (_text.HasAny("revenue", "sales", "gmv"))
        {
            return AmountMeasure(MeasureKind.Revenue, "SUM", "revenue", "revenue (sum of {1})");
        }

        if (_text.HasAny(EventWords))
        {
            return EventMeasure(MeasureKind.Events, "COUNT", "events", "events (rows of {1})");
        }

        return _roles.Transactions is { } transactions && Enumerable.Range(0, _text.Count).Any(IsTransactionNoun)
            ? new Measure(MeasureKind.Transactions, transactions, "COUNT", null, PlanSql.Alias(transactions.Name), $"{transactions.Name} (rows of {transactions.Display})")
            : null;
    }
}
