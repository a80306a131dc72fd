using System.Text.RegularExpressions;

namespace Autopilot.Core.Channels.Messages;

/// <summary>
/// CHAN-4, both channels: trim; remove Slack mention tokens <c>&lt;@…&gt;</c>; a leading <c>/ask</c> word is dropped; then a
/// leading <c>org:&lt;id&gt;</c> word names the requested org and the rest is the prompt.
/// </summary>
public static partial class ChannelMessageParser
{
    public static ChannelMessage Parse(string? text)
    {
        var rest = Mention().Replace(text ?? string.Empty, string.Empty).Trim();
        if (rest.StartsWith("/ask", StringComparison.Ordinal))
        {
            rest = DropFirstWord(rest, out _);
        }

        if (rest.StartsWith("org:", StringComparison.Ordinal))
        {
            rest = DropFirstWord(rest, out var first);
            var org = first["org:".Length..];
            return new ChannelMessage(org.Length == 0 ? null : org, rest);
        }

        return new ChannelMessage(null, rest);
    }

    private static string DropFirstWord(string text, out string first)
    {
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        first = text[..end];
        return text[end..].Trim();
    }

    [GeneratedRegex("<@[^>]*>")]
    private static partial Regex Mention();
}
