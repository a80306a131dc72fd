using System.Text.Json;
using Autopilot.Core.Channels.Messages;
using Autopilot.Core.Chat;

namespace Autopilot.Tests.Channels.Messages;

/// <summary>CHAN-8: the line a chat reply adds to its summary, by kind, first match wins.</summary>
public sealed class ChannelReplyFormatterTests
{
    [Theory]
    [InlineData("approval_required", "Needs approval.", """{"preview_id":"qry_0123456789ab","estimated_cost_usd":12.5}""", "", "Needs approval.\nEstimated cost: $12.5\nApprove via preview_id: qry_0123456789ab")]
    [InlineData("queued", "Memo generation is queued due to concurrency limits.", "{}", "", "Memo generation is queued due to concurrency limits.\n" + ChannelReplyFormatter.QueuedLine)]
    [InlineData("query_result", "Query completed.", """{"rows":[{"a":1},{"a":2},{"a":3}]}""", "w1", "Query completed.\nRows: 3")]
    [InlineData("blocked", "Query blocked by safety or budget gates.", """{"reasons":["Only SELECT is allowed","Too many joins"]}""", "", "Query blocked by safety or budget gates.\nReason: Only SELECT is allowed; Too many joins")]
    [InlineData("error", "Query execution failed: boom", """{"rows":[]}""", "query_execution_error", "Query execution failed: boom\nWarnings: query_execution_error")]
    [InlineData("workflow_result", "Weekly memo generated.", "{}", "", "Weekly memo generated.")]
    [InlineData("workflow_result", "", "null", "", "Completed.")]
    public void A_reply_is_its_summary_and_the_line_its_kind_needs(string responseType, string summary, string data, string warnings, string expected)
    {
        var reply = new ChatReply(
            responseType,
            summary,
            JsonDocument.Parse(data).RootElement.Clone(),
            warnings.Length == 0 ? [] : warnings.Split(','),
            new ChatMeta("query", false, "fallback_intent_classifier", "slack:U1"));

        Assert.Equal(expected, ChannelReplyFormatter.Format(reply));
    }
}
