namespace Autopilot.Core.Tenants.Contract;

/// <summary>Body of POST /admin/setup-tester-org (org_id defaults to the caller's tenant). Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record TesterOrgInput
{
    public string? OrgId { get; init; }
}
