namespace Autopilot.Core.Connectors;

/// <summary>
/// The re-encrypt pass: a tenant's connections (or every tenant's, null) onto key <c>KeyId</c>, <c>PageSize</c> rows per
/// activity. <c>Continuation</c> and <c>SoFar</c> carry the position and totals across ContinueAsNew generations.
/// </summary>
public sealed record CredentialReencryptInput(string? TenantId, string KeyId, int PageSize, string? Continuation = null, CredentialReencryptResult? SoFar = null);
