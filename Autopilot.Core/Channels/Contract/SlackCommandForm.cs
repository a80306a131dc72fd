namespace Autopilot.Core.Channels.Contract;

/// <summary>
/// The fields of Slack's slash-command form (application/x-www-form-urlencoded) that the route reads. Declared for the
/// OpenAPI document; the signature covers the raw form bytes.
/// </summary>
public sealed record SlackCommandForm(string? Text, string? UserId, string? TeamId, string? ChannelId, string? ResponseUrl, string? TriggerId);
