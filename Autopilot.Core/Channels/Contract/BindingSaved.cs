namespace Autopilot.Core.Channels.Contract;

/// <summary>Body of POST /api/v1/integrations/bindings (spec §16). Declared for the OpenAPI document.</summary>
public sealed record BindingSaved(string OrgId, long Id, string BindingType, string ExternalId);
