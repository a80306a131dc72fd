namespace Autopilot.Core.Channels.Contract;

/// <summary>Body of GET /api/v1/integrations/bindings (spec §16). Declared for the OpenAPI document.</summary>
public sealed record BindingList(string OrgId, IReadOnlyList<BindingItem> Items);
