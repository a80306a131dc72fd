using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Core.Api;
using Autopilot.Core.Connectors;
using Autopilot.Core.Tenants;

namespace Autopilot.Core.Alerts.Notifications.Routing;

/// <summary>
/// Reads and replaces a tenant's routing (NTF-1/2). Webhook secrets and SMTP passwords are stored only as
/// <see cref="CredentialProtector"/> ciphertexts; a write that repeats a channel without its secret (or with the masked
/// password the API shows) keeps the stored one, so a client can read, edit and write back the routing.
/// </summary>
public sealed class RoutingStore
{
    private readonly TenantSettingsStore _settings;
    private readonly CredentialProtector _protector;

    public RoutingStore(TenantSettingsStore settings, CredentialProtector protector)
    {
        _settings = settings;
        _protector = protector;
    }

    /// <summary>What a channel's credential is bound to (associated data), so a ciphertext copied to another tenant or channel does not decrypt.</summary>
    public static string CredentialScope(string channelId) => "notification-channel:" + channelId;

    public async Task<NotificationRouting> GetAsync(string tenantId, CancellationToken cancellation) =>
        await _settings.GetAsync<NotificationRouting>(tenantId, NotificationRouting.SettingName, cancellation) ?? NotificationRouting.Empty;

    /// <summary>Replaces the routing; a webhook with an http(s) target and no secret (sent or stored) is a 422.</summary>
    public async Task<NotificationRouting> SetAsync(string tenantId, RoutingWrite write, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(write);
        var stored = (await GetAsync(tenantId, cancellation)).Channels.ToDictionary(c => c.ChannelId, StringComparer.Ordinal);
        var channels = new List<RoutingChannel>();
        for (var i = 0; i < write.Channels.Count; i++)
        {
            var channel = write.Channels[i];
            stored.TryGetValue(channel.ChannelId, out var previous);
            var scope = CredentialScope(channel.ChannelId);
            var secret = channel.Secret is { } plainSecret ? _protector.Protect(plainSecret, tenantId, scope) : previous?.ProtectedSecret;
            if (channel.Type == ChannelTypes.Webhook && channel.Target.Test == TestTarget.None && secret is null)
            {
                throw ValidationException.Invalid("body", $"routing.channels.{i}.secret", "missing", "a webhook channel needs a secret (its HMAC signing key)", null);
            }

            var password = channel.Target.Password switch
            {
                null => null,
                ChannelTarget.Mask => previous?.ProtectedPassword
                    ?? throw ValidationException.Invalid("body", $"routing.channels.{i}.target", "value_error", "the masked password matches no stored channel; send the password", null),
                var plain => _protector.Protect(plain, tenantId, scope),
            };
            channels.Add(new RoutingChannel(channel.ChannelId, channel.Type, channel.Target.Stored, channel.Enabled, channel.Severities, secret, password));
        }

        var routing = new NotificationRouting(channels, write.EscalationRecipients, write.AckReminderMinutes);
        await _settings.SetAsync(tenantId, NotificationRouting.SettingName, routing, cancellation);
        return routing;
    }
}
