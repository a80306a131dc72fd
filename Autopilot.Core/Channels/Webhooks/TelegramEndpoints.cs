using System.Text;
using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Channels.Messages;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Channels.Verification;
using Autopilot.Core.Chat;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Channels.Webhooks;

/// <summary>
/// Telegram's webhook (spec §15.3): the secret header (CHAN-3, 401), then always 200 <c>{"ok": true}</c>; a resolved message's
/// answer — or an unbound sender's "not bound" message — is sent by the reply orchestration, keyed by the update id.
/// </summary>
public static class TelegramEndpoints
{
    public const string InvalidSecret = "Invalid Telegram webhook secret";
    public const string NotBound = "Telegram identity is not bound to an org. Ask admin to create a binding.";

    /// <summary><c>POST /integrations/telegram/webhook</c>.</summary>
    public static async Task<ApiResult> Webhook(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Service<ChannelOptions>();
        if (!TelegramSecret.IsValid(options.TelegramWebhookSecret, context.Http.Request.Headers[TelegramSecret.Header].FirstOrDefault()))
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, InvalidSecret);
        }

        var update = ChannelJson.Parse(context.RawBody);
        if (!TryMessage(update, out var message) || ChannelJson.Text(message, "text") is not { } text
            || !message.TryGetProperty("chat", out var chat) || ChannelJson.Text(chat, "id") is not { } chatId)
        {
            return ApiResult.Ok(new { ok = true });
        }

        var sender = message.TryGetProperty("from", out var from) ? ChannelJson.Text(from, "id") : null;
        var parsed = ChannelMessageParser.Parse(text);
        var org = await context.Service<ChannelOrgResolver>().ResolveTelegramAsync(parsed.RequestedOrg, chatId, sender, options.TelegramDefaultOrgId, context.Cancellation);
        var destination = new ChannelDestination(ChannelDestination.Telegram, TelegramChatId: chatId);
        ChannelReplyInput? input = org is null
            ? new ChannelReplyInput(null, NotBound, destination, null)
            : parsed.Prompt.Length == 0 ? null
            : ChannelReplies.Answer(
                new ChatTurn(org, "tg:" + sender, parsed.Prompt, "tg:" + chatId, ChatOrigin.Telegram),
                destination,
                new ChannelAuditEntry(ChannelAudits.Telegram, new Dictionary<string, string> { ["sender"] = sender ?? string.Empty, ["chat_id"] = chatId }));
        if (input is not null)
        {
            var delivery = ChannelJson.Text(update, "update_id") ?? Ids.Sha256Hex(Encoding.UTF8.GetString(context.RawBody.Span));
            await ChannelReplies.StartOnceAsync(context.Durable, InstanceIds.Telegram(delivery), input, context.Cancellation);
        }

        return ApiResult.Ok(new { ok = true });
    }

    private static bool TryMessage(JsonElement update, out JsonElement message)
    {
        foreach (var name in new[] { "message", "edited_message" })
        {
            if (update.TryGetProperty(name, out message) && message.ValueKind == JsonValueKind.Object)
            {
                return true;
            }
        }

        message = default;
        return false;
    }
}
