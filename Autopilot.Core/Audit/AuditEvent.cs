using System.Text.Json.Nodes;

namespace Autopilot.Core.Audit;

/// <summary>One audit row (AUD-1): never updated, never deleted.</summary>
public sealed record AuditEvent(string Id, string TenantId, string EventType, JsonObject Payload, DateTimeOffset CreatedAt);
