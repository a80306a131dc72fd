using Autopilot.Core.Api;
using Autopilot.Core.Pages;
using Autopilot.Core.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.WebConsole;

/// <summary>
/// <c>GET /app</c>, <c>/chat</c>, <c>/tester</c>, <c>/tester-app</c> (spec §14.2): public HTML, the same console shell opened
/// on the view each page had in the seed. Served with the app's own assets (no CDN, CSP <c>default-src 'self'</c>), so
/// the seed's Tailwind/Alpine markers are not reproduced.
/// </summary>
public static class ConsoleEndpoints
{
    public static Task<ApiResult> App(ApiContext context) => Page(context, "Console", "workflows");

    public static Task<ApiResult> Chat(ApiContext context) => Page(context, "Chat", "chat");

    public static Task<ApiResult> Tester(ApiContext context) => Page(context, "Tester", "tester");

    /// <summary>The seed's richer tester app: the tester view with model usage and feedback panels.</summary>
    public static Task<ApiResult> TesterApp(ApiContext context) => Page(context, "Tester Preview", "tester");

    private static Task<ApiResult> Page(ApiContext context, string title, string view)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mode = context.Service<AuthOptions>().Mode == AuthMode.Jwt ? "jwt" : "headers";
        return Task.FromResult(HtmlPage.Respond(StatusCodes.Status200OK, ConsolePage.Render(title, view, mode)));
    }
}
