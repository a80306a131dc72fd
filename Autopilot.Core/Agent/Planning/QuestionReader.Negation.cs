namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    // Words between a negation and what it negates that add nothing: "never placed an order", "without any events".
    private static readonly string[] AntiJoinFiller = ["placed", "made", "had", "have", "has", "did", "done", "any", "a", "an", "single", "ever", "one"];

    // Verbs that mean "has a transaction": "never ordered", "never bought".
    private static readonly string[] TransactionVerbs = ["ordered", "bought", "purchased", "paid", "transacted", "order", "buy"];

    // What "without activity" and "never active" negate: any row of the event table.
    private static readonly string[] ActivityWords = ["events", "event", "actions", "action", "activity", "active"];

    /// <summary>Most words between the negation and the noun or verb it negates.</summary>
    private const int MaxNegationReach = 4;

    /// <summary>The table the people counted have no row in, once a negation was read ("never", "without"); null for none.</summary>
    private PlanTable? _without;

    // "never placed an order", "without events", "with no orders", "who never purchased": the table negated, and its words
    // marked used. Only the entity linked to that table can be counted this way; a negation of anything else is left
    // unread, so the run asks about it rather than answering as if it were not there.
    private PlanTable? ReadAntiJoin()
    {
        for (var i = 0; i < _text.Count; i++)
        {
            var word = _text[i];
            var negation = word is "never" or "without"
                || (word == "no" && _text[i - 1] is "with" or "have" or "had" or "has" or "made" or "placed");
            if (_text.Words[i].Quoted || !negation)
            {
                continue;
            }

            var filler = new List<int>();
            for (var j = i + 1; j <= i + MaxNegationReach && j < _text.Count; j++)
            {
                var table = IsTransactionNoun(j) || TransactionVerbs.Contains(_text[j]) ? _roles.Transactions
                    : ActivityWords.Contains(_text[j]) ? _roles.Events
                    : null;
                if (table is not null)
                {
                    if (_roles.Entity is null || !_roles.Links(table))
                    {
                        return null;
                    }

                    Use(i, PlanElement.Filter);
                    filler.ForEach(k => Use(k, PlanElement.Filter));
                    Use(j, PlanElement.Filter);
                    return table;
                }

                if (AntiJoinFiller.Contains(_text[j]))
                {
                    filler.Add(j);
                }
            }
        }

        return null;
    }

    private bool HasPeopleNoun() => Enumerable.Range(0, _text.Count).Any(i => !_used.ContainsKey(i) && !_text.Words[i].Quoted && IsPeopleNoun(i));
}
