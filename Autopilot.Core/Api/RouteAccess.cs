namespace Autopilot.Core.Api;

/// <summary>Which headers and roles a route requires (spec §0.2, TEN-4/5).</summary>
public enum RouteAccess
{
    /// <summary>Reads neither header (health, readiness).</summary>
    Public,

    /// <summary>Tenant + role headers; any role.</summary>
    AnyRole,

    /// <summary>Tenant + role headers; member or admin.</summary>
    Member,

    /// <summary>Tenant + role headers; admin only.</summary>
    Admin,
}
