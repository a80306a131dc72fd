namespace Autopilot.Core.Channels.Bindings;

/// <summary>
/// What an upsert did: stored a new binding, found the tenant's own (idempotent), or found the identity bound by another
/// tenant (<see cref="Binding"/> null; CHAN-9's quirk forbidden, so resolution never meets two owners).
/// </summary>
public sealed record BindingUpsert(IntegrationBinding? Binding, bool Created)
{
    public bool ConflictsWithAnotherTenant => Binding is null;
}
