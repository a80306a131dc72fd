using Autopilot.Core.Api;

namespace Autopilot.Tests.Api;

/// <summary>Every route declares its access and where its tenant comes from; the dispatcher enforces both (issue 10).</summary>
public sealed class RouteDeclarationTests
{
    [Fact]
    public void Every_route_in_the_table_declares_a_tenant_source_that_fits_its_access()
    {
        Assert.Empty(RouteDeclaration.Problems(RouteTable.All));
    }

    [Theory]
    [InlineData(RouteAccess.Admin, TenantSource.None)]
    [InlineData(RouteAccess.Member, TenantSource.None)]
    [InlineData(RouteAccess.AnyRole, TenantSource.None)]
    [InlineData(RouteAccess.Public, TenantSource.QueryOrgId)]
    [InlineData(RouteAccess.Admin, (TenantSource)42)]
    public void A_route_added_without_a_fitting_tenant_source_is_reported(RouteAccess access, TenantSource tenant)
    {
        var added = new ApiRoute("NewRoute", "POST", "api/v1/new", access, tenant, _ => Task.FromResult(ApiResult.Ok(new { })));

        var problem = Assert.Single(RouteDeclaration.Problems([.. RouteTable.All, added]));
        Assert.StartsWith("NewRoute:", problem, StringComparison.Ordinal);
    }
}
