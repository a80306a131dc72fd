using Azure;

namespace Autopilot.Core.Admission;

/// <summary>A row of the <see cref="PendingWorkIndex"/>: the tenant, when it was last marked, and the row's ETag.</summary>
public sealed record PendingTenant(string TenantId, DateTimeOffset MarkedAt, ETag ETag);
