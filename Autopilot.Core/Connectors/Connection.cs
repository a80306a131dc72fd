namespace Autopilot.Core.Connectors;

/// <summary>
/// A tenant's warehouse connection (CONN-1). Credentials are never part of this record: they stay encrypted
/// in storage and are read only through <see cref="ConnectionStore.ReadCredentialsAsync"/>.
/// </summary>
public sealed record Connection(
    string ConnectionId,
    string TenantId,
    string Kind,
    string Status,
    string Warehouse,
    bool HasCredentials,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
