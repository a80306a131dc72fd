using Autopilot.Core.Pages;

namespace Autopilot.Core.WebConsole;

/// <summary>
/// The HTML of the console's pages: one shell whose script (<c>console.js</c>) draws every view. The page itself reads no
/// identity (it is public, like the seed's): the script asks for org, user and role (or a bearer token in jwt mode), keeps
/// them in localStorage and sends them on each API call. Each page names the view it opens on.
/// </summary>
public static class ConsolePage
{
    /// <summary>Views of the shell, in the navigation's order: hash route and label.</summary>
    public static IReadOnlyList<(string Hash, string Label)> Views { get; } =
    [
        ("workflows", "Workflows"), ("queue", "Queue"), ("dead-letters", "Dead letters"), ("artifacts", "Dashboards & memos"),
        ("alerts", "Alerts"), ("pii", "PII review"), ("query", "Query"), ("chat", "Chat"), ("tester", "Tester"),
    ];

    public static string Render(string title, string startView, string authMode, string extraHtml = "")
    {
        var nav = string.Concat(Views.Select(v => $"<a href=\"#{v.Hash}\" data-view=\"{v.Hash}\">{HtmlPage.Encode(v.Label)}</a>\n"));
        var body = $"""
            <div class="console" id="console" data-start-view="{HtmlPage.Encode(startView)}" data-auth-mode="{HtmlPage.Encode(authMode)}">
            <header class="console-bar">
            <strong class="brand">Data Team Autopilot</strong>
            <form id="identity" class="identity" autocomplete="off">
            <label>Org <input name="org" id="id-org" required></label>
            <label class="headers-only">User <input name="user" id="id-user"></label>
            <label class="headers-only">Role <select name="role" id="id-role"><option>member</option><option>admin</option><option>viewer</option></select></label>
            <label class="jwt-only">Token <input name="token" id="id-token" type="password"></label>
            <button type="submit">Save</button>
            </form>
            <form id="ask" class="ask"><input id="ask-box" placeholder="Ask about your data (Cmd/Ctrl + K)" aria-label="Ask"><button type="submit">Ask</button></form>
            </header>
            <nav class="console-nav">
            {nav}<a href="/api/docs">API</a>
            </nav>
            <main id="view" class="console-view" aria-live="polite"></main>
            <div id="toast" class="toast" role="status"></div>
            {extraHtml}
            </div>

            """;
        return HtmlPage.Render(title, body, data: null, PageAssets.ConsoleScript);
    }
}
