using Autopilot.Core.Api;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Chat;

/// <summary>HTTP handler of the chat front door (spec §12.1, CHAT-1..6) over <see cref="IChatService"/>.</summary>
public static class ChatEndpoints
{
    /// <summary>The longest message a chat turn takes (characters).</summary>
    public const int MaxMessageLength = 8000;

    private const int MaxIdLength = 256;

    /// <summary>
    /// Schema stage of <see cref="Run"/>: org_id, user_id and message required, the message not empty and no longer than
    /// <see cref="MaxMessageLength"/>, the ids bounded (422, spec §0.3).
    /// </summary>
    public static object BindRun(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<ChatRunRequest>();
        foreach (var (name, value) in new[] { ("org_id", request.OrgId), ("user_id", request.UserId), ("message", request.Message) })
        {
            if (value is null)
            {
                throw ValidationException.Missing("body", name);
            }
        }

        if (request.Message!.Length == 0)
        {
            throw ValidationException.Invalid("body", "message", "string_too_short", "String should have at least 1 character", request.Message);
        }

        // Bounded like a chat message (Slack's and Telegram's own limits are a few thousand characters): the turn is
        // stored with the run it starts, and a stored value has a size limit a 5xx must not reveal.
        foreach (var (name, value, max) in new[] { ("message", request.Message, MaxMessageLength), ("user_id", request.UserId!, MaxIdLength), ("session_id", request.SessionId ?? "", MaxIdLength) })
        {
            if (value.Length > max)
            {
                throw ValidationException.Invalid("body", name, "string_too_long", $"String should have at most {max} characters", value[..64] + "…");
            }
        }

        return request;
    }

    /// <summary>
    /// <c>POST /api/v1/chat/run</c>: the reply within the bounded wait (like the agent route). Work still queued or running
    /// then is named in <c>data</c> (<c>workflow_id</c>, <c>status_url</c>) — the seed's shape has no other place for it.
    /// </summary>
    public static async Task<ApiResult> Run(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<ChatRunRequest>();
        var wait = WorkflowResponses.WaitFor(context);
        var turn = new ChatTurn(context.Tenant, request.UserId!, request.Message!, request.SessionId, ChatOrigin.Api);
        var reply = await context.Service<IChatService>().StartAsync(turn, wait, context.Cancellation);
        return ApiResult.Ok(new
        {
            response_type = reply.ResponseType,
            summary = reply.Summary,
            data = reply.Data,
            warnings = reply.Warnings,
            meta = new
            {
                intent_action = reply.Meta.IntentAction,
                llm_configured = reply.Meta.LlmConfigured,
                interpreter_reason = reply.Meta.InterpreterReason,
                user_id = reply.Meta.UserId,
            },
        });
    }
}
