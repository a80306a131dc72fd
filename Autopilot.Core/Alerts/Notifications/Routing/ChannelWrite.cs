using Autopilot.Core.Alerts.Notifications.Channels;

namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>One channel of a routing write, validated; <see cref="Secret"/> is the plaintext webhook secret if one was sent.</summary>
public sealed record ChannelWrite(string ChannelId, string Type, ChannelTarget Target, bool Enabled, IReadOnlyList<string> Severities, string? Secret);
