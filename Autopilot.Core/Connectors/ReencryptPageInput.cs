namespace Autopilot.Core.Connectors;

/// <summary>
/// One page of the re-encrypt pass: a tenant's connections, or every tenant's (null), from a continuation token, onto
/// the key <c>KeyId</c> (the current key of the replica that started the pass; a replica with another current key refuses).
/// </summary>
public sealed record ReencryptPageInput(string? TenantId, string KeyId, string? Continuation, int PageSize);
