namespace Autopilot.Core.Channels.Bindings;

/// <summary>Body of <c>POST /api/v1/integrations/bindings</c> (spec §16); both fields are required strings (422 otherwise).</summary>
public sealed record BindingRequest(string? OrgId, string? BindingType, string? ExternalId);
