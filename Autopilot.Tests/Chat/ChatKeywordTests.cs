using Autopilot.Core.Chat;

namespace Autopilot.Tests.Chat;

/// <summary>CHAT-1's keyword fallback, generated from the classifier's own table.</summary>
public sealed class ChatKeywordTests
{
    public static TheoryData<string, string> Keywords()
    {
        var data = new TheoryData<string, string>();
        foreach (var (keyword, action) in ChatKeywords.Table)
        {
            data.Add(keyword, action);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Keywords))]
    public void Every_keyword_of_the_table_selects_its_action_in_any_case(string keyword, string action)
    {
        Assert.Equal(action, ChatKeywords.Classify($"please {keyword} for me"));
        Assert.Equal(action, ChatKeywords.Classify($"PLEASE {keyword.ToUpperInvariant()} NOW"));
    }

    [Fact]
    public void The_first_rule_that_matches_wins_and_no_keyword_is_a_query()
    {
        Assert.Equal(ChatActions.Dashboard, ChatKeywords.Classify("profile the tables into a dashboard"));
        Assert.Equal(ChatActions.Profile, ChatKeywords.Classify("a weekly schema check"));
        Assert.Equal(ChatActions.Query, ChatKeywords.Classify("show me dau"));
    }

    [Theory]
    [InlineData("""{"action":"profile","sql":null,"reason":"wants the catalog"}""", "profile", null)]
    [InlineData("""{"action":"QUERY","sql":"SELECT 1","reason":"a question"}""", "query", "SELECT 1")]
    [InlineData("""{"action":"dashboard","sql":"SELECT 1","reason":"charts"}""", "dashboard", null)]
    public void A_model_answer_with_a_known_action_is_read_and_its_sql_kept_only_for_queries(string answer, string action, string? sql)
    {
        var intent = ChatIntentClassifier.Parse(answer);

        Assert.NotNull(intent);
        Assert.Equal((action, sql), (intent.Action, intent.SuggestedSql));
        Assert.Equal(sql is not null, intent.InterpreterReason.Contains("not run directly", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"action":"drop_tables"}""")]
    [InlineData("""{"action":42}""")]
    public void An_answer_without_a_known_action_is_not_an_intent(string answer) => Assert.Null(ChatIntentClassifier.Parse(answer));
}
