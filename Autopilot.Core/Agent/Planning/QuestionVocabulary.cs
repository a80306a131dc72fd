using System.Collections.Frozen;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The words the deterministic planner accounts for without a catalog: filler that carries no meaning of its own, and
/// the words of each kind of measure, time grain, comparison and ordering. A word outside these and the catalog is
/// one the planner cannot use, and the run asks about it. Negations ("not", "never", "without") are never filler.
/// </summary>
internal static class QuestionVocabulary
{
    public static FrozenSet<string> Filler { get; } = Set(
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "via", "over", "during", "within", "into",
        "across", "and", "or", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "has", "have",
        "had", "how", "many", "much", "what", "whats", "what's", "which", "who", "that", "when", "show", "me", "give", "list",
        "tell", "find", "get", "got", "see", "let", "lets", "let's", "please", "can", "could", "would", "will", "you", "i",
        "we", "our", "my", "there", "their", "them", "they", "it", "its", "this", "these", "those", "so", "far", "all", "any",
        "each", "every", "per", "total", "number", "count", "overall", "currently", "equal", "equals", "named", "called",
        "happened", "made", "→", "%", "s", "as", "up", "current", "whole", "entire", "figure", "stats",
        "metric", "data", "report", "table", "results", "about");

    public static FrozenSet<string> Grain { get; } = Set(
        "daily", "weekly", "monthly", "dau", "wau", "mau", "day", "days", "week", "weeks", "month", "months", "date", "dates",
        "trend", "trends", "trending", "evolution", "timeline", "series", "time", "period", "periods");

    public static FrozenSet<string> Compare { get; } = Set(
        "vs", "versus", "compared", "compare", "comparison", "wow", "mom", "dod", "yoy", "change", "changes", "changed",
        "growth", "grew", "increase", "increased", "decrease", "decreased", "delta", "difference", "percent", "percentage",
        "pct", "before", "previous", "prior", "day", "days", "week", "weeks", "month", "months", "year", "years", "last");

    public static FrozenSet<string> Ordering { get; } = Set(
        "top", "bottom", "best", "worst", "most", "least", "highest", "lowest", "largest", "biggest", "smallest", "fewest",
        "more", "rank", "ranked", "ranking", "which", "leading", "sorted", "breakdown", "split", "broken", "down", "grouped",
        "group", "segmented", "segment", "segments");

    public static FrozenSet<string> People { get; } = Set(
        "user", "users", "customer", "customers", "people", "person", "visitor", "visitors", "member", "members", "account", "accounts");

    public static FrozenSet<string> Distinct { get; } = Set("distinct", "unique", "different");

    /// <summary>The words of each measure, beyond the table's own name.</summary>
    public static FrozenSet<string> Of(MeasureKind kind) => kind switch
    {
        MeasureKind.ActiveUsers => Set("active", "dau", "wau", "mau", "engaged"),
        MeasureKind.Events => Set("events", "event", "actions", "action", "fired", "triggered", "logged", "tracked", "occurred", "times"),
        MeasureKind.Transactions => Set("transactions", "transaction", "purchases", "placed", "ordered", "created"),
        MeasureKind.Revenue => Set("revenue", "sales", "gmv", "turnover", "income", "earnings", "money", "earned", "generated"),
        MeasureKind.AverageAmount => Set("average", "avg", "mean", "aov", "basket", "size", "value"),
        MeasureKind.NewEntities => Set("new", "signups", "signup", "sign", "ups", "signed", "registrations", "registration",
            "registered", "joined", "created"),
        MeasureKind.Buyers => Set("buyers", "buyer", "purchasers", "purchaser", "shoppers", "paying", "ordered", "bought",
            "purchased", "placed", "paid", "transacted"),
        MeasureKind.ColumnAggregate => Set("average", "avg", "mean", "sum", "max", "maximum", "largest", "biggest", "min",
            "minimum", "smallest", "highest", "lowest"),
        MeasureKind.Conversion => Set("conversion", "convert", "converted", "converting", "conversions", "rate"),
        MeasureKind.Retention => Set("retention", "retained", "retain", "returning", "rate", "active", "both", "again"),
        MeasureKind.Funnel => Set("funnel", "step", "steps", "then", "conversion"),
        MeasureKind.Entities => Set("registered", "existing", "ever", "signed"),
        MeasureKind.Share => Set("percentage", "percent", "share", "proportion", "fraction", "%", "pct", "ratio", "rate"),
        _ => Set(),
    };

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
