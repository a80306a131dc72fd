namespace Autopilot.Core.Channels.Bindings;

/// <summary>One binding of a chat identity (a Slack team or user, a Telegram chat or user) to the tenant it speaks for (spec §16).</summary>
public sealed record IntegrationBinding(long Id, string TenantId, string BindingType, string ExternalId, DateTimeOffset CreatedAt);
