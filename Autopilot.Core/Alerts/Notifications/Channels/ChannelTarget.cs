using MimeKit;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// A channel's target, checked and split: an http(s) URL for webhook/slack/teams, an SMTP URL for email
/// (<c>smtp[s]://user:pass@host:port?from=a@b&amp;to=c@d</c>), or one of the test targets <c>fail://</c> / <c>flaky://</c>
/// (NTF-5) for any type. The SMTP password is held apart so it can be stored protected and never shown.
/// </summary>
public sealed record ChannelTarget(string Stored, string? Password, TestTarget Test)
{
    public const int MaxLength = 2_048;
    public const string Mask = "***";

    /// <summary>Parses <paramref name="raw"/> for a channel of <paramref name="type"/>; the error names what is wrong (never the password).</summary>
    public static ChannelTarget? TryParse(string type, string raw, out string? error)
    {
        ArgumentNullException.ThrowIfNull(raw);
        error = null;
        var trimmed = raw.Trim();
        if (TestTargets.Of(trimmed) is var test and not TestTarget.None)
        {
            return new ChannelTarget(trimmed, null, test);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            error = "target must be an absolute URL";
            return null;
        }

        if (type == ChannelTypes.Email)
        {
            return ParseSmtp(uri, out error);
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            error = $"a {type} target must be an http(s) URL (or fail:// / flaky://)";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            error = $"a {type} target must not carry credentials in the URL";
            return null;
        }

        return new ChannelTarget(uri.AbsoluteUri, null, TestTarget.None);
    }

    /// <summary>The target as shown to people: the SMTP password replaced by <see cref="Mask"/>.</summary>
    public static string Display(string stored, bool hasPassword)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!hasPassword || !Uri.TryCreate(stored, UriKind.Absolute, out var uri))
        {
            return stored;
        }

        return new UriBuilder(uri) { Password = Mask }.Uri.AbsoluteUri;
    }

    private static ChannelTarget? ParseSmtp(Uri uri, out string? error)
    {
        error = null;
        if (uri.Scheme is not ("smtp" or "smtps"))
        {
            error = "an email target must be an smtp:// or smtps:// URL (or fail:// / flaky://)";
            return null;
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        foreach (var name in new[] { "from", "to" })
        {
            // MimeKit takes a bare local part ("ops") as an address; a mail server needs a domain.
            if (!query.TryGetValue(name, out var value) || !MailboxAddress.TryParse(value.ToString(), out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
            {
                error = $"an email target needs a valid '{name}' address in its query";
                return null;
            }
        }

        var userInfo = uri.UserInfo;
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        var password = colon >= 0 ? Uri.UnescapeDataString(userInfo[(colon + 1)..]) : null;
        var stored = new UriBuilder(uri) { Password = string.Empty }.Uri.AbsoluteUri;
        return new ChannelTarget(stored, string.IsNullOrEmpty(password) ? null : password, TestTarget.None);
    }
}
