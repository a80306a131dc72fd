using System.Text.RegularExpressions;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// Reply instance ids from the channel's own delivery ids — Slack's <c>event_id</c>, a slash command's <c>trigger_id</c>,
/// Telegram's <c>update_id</c> — so a redelivery (Slack retries, Telegram resends) maps to the instance already started.
/// Ids that are not plain are hashed, so nothing a caller sends can shape an instance id.
/// </summary>
public static partial class InstanceIds
{
    public static string SlackEvent(string eventId) => "chan-slack-evt-" + Plain(eventId);

    public static string SlackCommand(string triggerId) => "chan-slack-cmd-" + Plain(triggerId);

    public static string Telegram(string updateId) => "chan-tg-" + Plain(updateId);

    private static string Plain(string id) => PlainId().IsMatch(id) ? id : Ids.Sha256Hex(id)[..32];

    [GeneratedRegex("^[A-Za-z0-9._-]{1,80}$")]
    private static partial Regex PlainId();
}
