using System.Text.Json.Serialization;

namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>
/// One channel of a tenant's routing as stored (NTF-1). <see cref="Target"/> never holds a password;
/// <see cref="ProtectedSecret"/> (a webhook's HMAC secret) and <see cref="ProtectedPassword"/> (an SMTP password) are
/// ciphertexts of <see cref="Connectors.CredentialProtector"/>, bound to the tenant and <see cref="ChannelId"/>.
/// </summary>
public sealed record RoutingChannel(
    string ChannelId,
    string Type,
    string Target,
    bool Enabled,
    IReadOnlyList<string> Severities,
    string? ProtectedSecret = null,
    string? ProtectedPassword = null)
{
    /// <summary>The protected credential the channel's sender needs (the webhook secret or the SMTP password), if any.</summary>
    [JsonIgnore]
    public string? ProtectedCredential => ProtectedSecret ?? ProtectedPassword;
}
