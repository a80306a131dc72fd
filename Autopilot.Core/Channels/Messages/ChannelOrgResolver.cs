using Autopilot.Core.Channels.Bindings;

namespace Autopilot.Core.Channels.Messages;

/// <summary>Looks up the owners of a message's two identities across tenants (one point read each) and applies <see cref="OrgResolution"/>.</summary>
public sealed class ChannelOrgResolver
{
    private readonly IntegrationBindingStore _bindings;

    public ChannelOrgResolver(IntegrationBindingStore bindings) => _bindings = bindings;

    public Task<string?> ResolveSlackAsync(string? requestedOrg, string? teamId, string? userId, string defaultOrg, CancellationToken cancellation) =>
        ResolveAsync(requestedOrg, (BindingTypes.SlackTeam, teamId), (BindingTypes.SlackUser, userId), defaultOrg, cancellation);

    public Task<string?> ResolveTelegramAsync(string? requestedOrg, string? chatId, string? senderId, string defaultOrg, CancellationToken cancellation) =>
        ResolveAsync(requestedOrg, (BindingTypes.TelegramChat, chatId), (BindingTypes.TelegramUser, senderId), defaultOrg, cancellation);

    private async Task<string?> ResolveAsync(string? requestedOrg, (string Type, string? Id) place, (string Type, string? Id) person, string defaultOrg, CancellationToken cancellation)
    {
        var placeOwner = string.IsNullOrEmpty(place.Id) ? null : (await _bindings.FindAsync(place.Type, place.Id, cancellation))?.TenantId;
        var personOwner = string.IsNullOrEmpty(person.Id) ? null : (await _bindings.FindAsync(person.Type, person.Id, cancellation))?.TenantId;
        return OrgResolution.Resolve(requestedOrg, placeOwner, personOwner, defaultOrg);
    }
}
