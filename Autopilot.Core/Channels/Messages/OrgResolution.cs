namespace Autopilot.Core.Channels.Messages;

/// <summary>
/// CHAN-5/6: which org a channel message speaks for, from the owners of its two identities — the place (Slack team,
/// Telegram chat) and the person (Slack user, Telegram sender) — and the channel's default org. Pure: the lookups happen
/// before, in <see cref="ChannelOrgResolver"/>.
/// </summary>
public static class OrgResolution
{
    /// <returns>The org, or null when unresolved (a requested org neither identity is bound to; nothing bound and no default).</returns>
    public static string? Resolve(string? requestedOrg, string? placeOwner, string? personOwner, string? defaultOrg)
    {
        if (!string.IsNullOrEmpty(requestedOrg))
        {
            return requestedOrg == placeOwner || requestedOrg == personOwner ? requestedOrg : null;
        }

        return placeOwner ?? personOwner ?? (string.IsNullOrEmpty(defaultOrg) ? null : defaultOrg);
    }
}
