namespace Autopilot.Core.Chat;

/// <summary>
/// CHAT-1's keyword fallback: the lower-cased message is matched against the table in order and the first keyword it
/// contains wins (so "profile dashboard" is a dashboard); no keyword → a query.
/// </summary>
public static class ChatKeywords
{
    /// <summary>The keywords in matching order, each with the action it selects.</summary>
    public static IReadOnlyList<(string Keyword, string Action)> Table { get; } =
    [
        ("dashboard", ChatActions.Dashboard),
        ("chart", ChatActions.Dashboard),
        ("visual", ChatActions.Dashboard),
        ("kpi board", ChatActions.Dashboard),
        ("profile", ChatActions.Profile),
        ("catalog", ChatActions.Profile),
        ("schema", ChatActions.Profile),
        ("introspect", ChatActions.Profile),
        ("memo", ChatActions.Memo),
        ("weekly", ChatActions.Memo),
        ("summary", ChatActions.Memo),
        ("report", ChatActions.Memo),
    ];

    public static string Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lower = message.ToLowerInvariant();
        foreach (var (keyword, action) in Table)
        {
            if (lower.Contains(keyword, StringComparison.Ordinal))
            {
                return action;
            }
        }

        return ChatActions.Query;
    }
}
