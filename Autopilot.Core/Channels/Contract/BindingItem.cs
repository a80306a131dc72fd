namespace Autopilot.Core.Channels.Contract;

/// <summary>One binding of <see cref="BindingList"/>. Declared for the OpenAPI document.</summary>
public sealed record BindingItem(long Id, string BindingType, string ExternalId, string CreatedAt);
