namespace Autopilot.Core.Channels.Contract;

/// <summary>Body of DELETE /api/v1/integrations/bindings/{binding_id} (spec §16). Declared for the OpenAPI document.</summary>
public sealed record BindingDeleted(string OrgId, bool Deleted);
