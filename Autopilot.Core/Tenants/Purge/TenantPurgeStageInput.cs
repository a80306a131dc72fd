namespace Autopilot.Core.Tenants.Purge;

/// <summary>One page of one store.</summary>
public sealed record TenantPurgeStageInput(string MarkerKey, string Store, int PageSize);
