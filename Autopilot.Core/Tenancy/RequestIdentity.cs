using Autopilot.Core.Api;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Tenancy;

/// <summary>The caller as the seed identifies it: <c>X-Tenant-Id</c> and <c>X-User-Role</c> (spec §0.2).</summary>
public sealed record RequestIdentity(string TenantId, UserRole Role)
{
    public const string TenantHeader = "X-Tenant-Id";
    public const string RoleHeader = "X-User-Role";

    /// <summary>The longest tenant id accepted.</summary>
    public const int MaxTenantIdLength = 128;

    /// <summary>Reads both headers; tenant first, then role (TEN-1). Throws a 400 <see cref="ApiException"/>.</summary>
    public static RequestIdentity FromHeaders(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var tenant = headers[TenantHeader].ToString();
        if (string.IsNullOrEmpty(tenant))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Missing X-Tenant-Id header");
        }

        // A tenant id becomes a Table storage key (at most 1 KB) in every store: refuse one that can never be a tenant.
        if (tenant.Length > MaxTenantIdLength || tenant.Any(char.IsControl))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, $"Invalid X-Tenant-Id header: at most {MaxTenantIdLength} characters, no control characters");
        }

        var role = headers[RoleHeader].ToString();
        if (string.IsNullOrEmpty(role))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "Missing X-User-Role header");
        }

        return role.ToLowerInvariant() switch
        {
            "admin" => new RequestIdentity(tenant, UserRole.Admin),
            "member" => new RequestIdentity(tenant, UserRole.Member),
            "viewer" => new RequestIdentity(tenant, UserRole.Viewer),
            _ => throw new ApiException(StatusCodes.Status400BadRequest, "Invalid X-User-Role header"),
        };
    }

    /// <summary>Tenant scope (TEN-2): the org a request names must be the caller's, compared exactly.</summary>
    public void EnsureTenant(string requestedOrg)
    {
        if (!string.Equals(requestedOrg, TenantId, StringComparison.Ordinal))
        {
            throw new ApiException(StatusCodes.Status403Forbidden, "Tenant boundary violation: header tenant does not match requested org");
        }
    }

    /// <summary>The route's minimum role (TEN-4, TEN-5); checked after the tenant scope (TEN-3).</summary>
    public void EnsureRole(RouteAccess access)
    {
        switch (access)
        {
            case RouteAccess.Admin when Role != UserRole.Admin:
                throw new ApiException(StatusCodes.Status403Forbidden, "Insufficient role: requires admin");
            case RouteAccess.Member when Role == UserRole.Viewer:
                throw new ApiException(StatusCodes.Status403Forbidden, "Insufficient role: requires member or admin");
        }
    }
}
