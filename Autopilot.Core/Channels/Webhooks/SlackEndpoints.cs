using System.Text;
using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Channels.Messages;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Chat;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Autopilot.Core.Channels.Webhooks;

/// <summary>
/// Slack's entry points (spec §15.1–15.2): verify (401), read the message (CHAN-4), resolve its org (CHAN-5), start the reply
/// orchestration and answer at once — the answer itself is posted back when the chat has it (CHAN-10), so the webhook never
/// waits for an agent run or a workflow.
/// </summary>
public static class SlackEndpoints
{
    public const string NotBound = "Slack identity is not bound to an org";
    public const string WorkingOnIt = "Working on it…";

    /// <summary><c>POST /integrations/slack/command</c>: a form-encoded slash command.</summary>
    public static async Task<ApiResult> Command(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SlackWebhook.VerifyAsync(context);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(context.RawBody.Span));
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : string.Empty;

        var options = context.Service<ChannelOptions>();
        var message = ChannelMessageParser.Parse(Field("text"));
        var (user, channel) = (Field("user_id"), Field("channel_id"));
        var org = message.Prompt.Length == 0 ? null
            : await context.Service<ChannelOrgResolver>().ResolveSlackAsync(message.RequestedOrg, Field("team_id"), user, options.SlackDefaultOrgId, context.Cancellation);
        if (org is null)
        {
            throw new ApiException(StatusCodes.Status403Forbidden, NotBound);
        }

        var input = ChannelReplies.Answer(
            new ChatTurn(org, "slack:" + user, message.Prompt, "slack:" + channel, ChatOrigin.Slack),
            new ChannelDestination(ChannelDestination.Slack, SlackChannel: channel, ResponseUrl: Field("response_url")),
            new ChannelAuditEntry(ChannelAudits.SlackCommand, new Dictionary<string, string> { ["user_id"] = user }));
        var delivery = Field("trigger_id") is { Length: > 0 } trigger ? trigger : Ids.Sha256Hex(Encoding.UTF8.GetString(context.RawBody.Span));
        await ChannelReplies.StartOnceAsync(context.Durable, InstanceIds.SlackCommand(delivery), input, context.Cancellation);
        return ApiResult.Ok(new { response_type = "ephemeral", text = WorkingOnIt });
    }

    /// <summary>
    /// <c>POST /integrations/slack/events</c>: the Events API (url_verification, app_mention and message events). Besides
    /// §15.2's <c>bot_message</c> subtype, any event carrying a <c>bot_id</c> is skipped: the bot's own posted replies arrive
    /// as plain message events, and answering them would loop.
    /// </summary>
    public static async Task<ApiResult> Events(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SlackWebhook.VerifyAsync(context);
        var payload = ChannelJson.Parse(context.RawBody);
        var type = ChannelJson.Text(payload, "type");
        if (type == "url_verification")
        {
            return ApiResult.Ok(new { challenge = ChannelJson.Text(payload, "challenge") });
        }

        if (type == "event_callback" && payload.TryGetProperty("event", out var slackEvent) && slackEvent.ValueKind == JsonValueKind.Object
            && ChannelJson.Text(slackEvent, "type") is "app_mention" or "message" && ChannelJson.Text(slackEvent, "subtype") != "bot_message"
            && !slackEvent.TryGetProperty("bot_id", out _))
        {
            await AnswerEventAsync(context, payload, slackEvent);
        }

        return ApiResult.Ok(new { ok = true });
    }

    private static async Task AnswerEventAsync(ApiContext context, JsonElement payload, JsonElement slackEvent)
    {
        var options = context.Service<ChannelOptions>();
        var message = ChannelMessageParser.Parse(ChannelJson.Text(slackEvent, "text"));
        var user = ChannelJson.Text(slackEvent, "user") ?? string.Empty;
        var team = ChannelJson.Text(payload, "team_id") ?? ChannelJson.Text(slackEvent, "team");
        var org = message.Prompt.Length == 0 ? null
            : await context.Service<ChannelOrgResolver>().ResolveSlackAsync(message.RequestedOrg, team, user, options.SlackDefaultOrgId, context.Cancellation);
        if (org is null)
        {
            // §15.2: an unresolved event is ignored (Slack must still get its 200, or it retries).
            return;
        }

        var channel = ChannelJson.Text(slackEvent, "channel") ?? string.Empty;
        var thread = ChannelJson.Text(slackEvent, "thread_ts") ?? ChannelJson.Text(slackEvent, "ts");
        var input = ChannelReplies.Answer(
            new ChatTurn(org, "slack:" + user, message.Prompt, $"slack:{channel}:{thread}", ChatOrigin.Slack),
            new ChannelDestination(ChannelDestination.Slack, SlackChannel: channel, ThreadTs: thread),
            new ChannelAuditEntry(ChannelAudits.SlackEvent, new Dictionary<string, string> { ["user_id"] = user, ["event_type"] = ChannelJson.Text(slackEvent, "type")! }));
        var delivery = ChannelJson.Text(payload, "event_id") is { Length: > 0 } eventId ? eventId : Ids.Sha256Hex(Encoding.UTF8.GetString(context.RawBody.Span));
        await ChannelReplies.StartOnceAsync(context.Durable, InstanceIds.SlackEvent(delivery), input, context.Cancellation);
    }
}
