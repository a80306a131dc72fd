namespace Autopilot.Core.Api;

/// <summary>What every route of the table must declare for the dispatcher to enforce it; checked at start and by a test.</summary>
public static class RouteDeclaration
{
    /// <summary>One line per route whose access and tenant source do not fit together; empty when the table is sound.</summary>
    public static IReadOnlyList<string> Problems(IEnumerable<ApiRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var problems = new List<string>();
        foreach (var route in routes)
        {
            if (!Enum.IsDefined(route.Access) || !Enum.IsDefined(route.Tenant))
            {
                problems.Add($"{route.Name}: undefined access {route.Access} or tenant source {route.Tenant}");
            }
            else if (route.Access != RouteAccess.Public && route.Tenant == TenantSource.None)
            {
                // A tenant-scoped route with nowhere to read its tenant could only trust the caller: refuse it.
                problems.Add($"{route.Name}: access {route.Access} needs a tenant source (query or body org_id)");
            }
            else if (route.Access == RouteAccess.Public && route.Tenant != TenantSource.None)
            {
                problems.Add($"{route.Name}: a public route reads no identity, so it cannot be scoped to the tenant in {route.Tenant}");
            }
        }

        return problems;
    }
}
