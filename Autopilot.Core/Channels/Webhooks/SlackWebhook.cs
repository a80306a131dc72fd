using Autopilot.Core.Api;
using Autopilot.Core.Channels.Verification;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Channels.Webhooks;

/// <summary>CHAN-1/2 for both Slack routes: a valid v0 signature over the raw body, used once; anything else is the one 401.</summary>
internal static class SlackWebhook
{
    public const string InvalidSignature = "Invalid Slack signature";

    public static async Task VerifyAsync(ApiContext context)
    {
        var options = context.Service<ChannelOptions>();
        var headers = context.Http.Request.Headers;
        var timestamp = headers[SlackSignature.TimestampHeader].ToString();
        var signature = headers[SlackSignature.SignatureHeader].ToString();
        var now = context.Service<TimeProvider>().GetUtcNow();
        // The replay set is only consulted for a valid signature, so unsigned noise cannot fill it.
        if (!SlackSignature.IsValid(options.SlackSigningSecret, timestamp, signature, context.RawBody.Span, now)
            || !await context.Service<ReplayGuard>().TryClaimAsync("slack", timestamp, signature, context.Cancellation))
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, InvalidSignature);
        }
    }
}
