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
        var placeOwner = await OwnerAsync(place.Type, place.Id, cancellation);
        var personOwner = await OwnerAsync(person.Type, person.Id, cancellation);
        return OrgResolution.Resolve(requestedOrg, placeOwner, personOwner, defaultOrg);
    }

    /// <summary>An id no binding can hold (absent, or longer than a binding may be) has no owner, and is not looked up.</summary>
    private async Task<string?> OwnerAsync(string type, string? id, CancellationToken cancellation) =>
        string.IsNullOrEmpty(id) || id.Length > BindingEndpoints.MaxExternalIdLength
            ? null
            : (await _bindings.FindAsync(type, id, cancellation))?.TenantId;
}
