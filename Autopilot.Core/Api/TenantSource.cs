namespace Autopilot.Core.Api;

/// <summary>Where a route names the tenant it acts on (spec §0.5); the dispatcher reads it and checks it before the handler runs.</summary>
public enum TenantSource
{
    /// <summary>The route acts on no tenant (health, readiness); only <see cref="RouteAccess.Public"/> routes may say so.</summary>
    None,

    /// <summary>Query string <c>org_id</c>, required: absent → 422.</summary>
    QueryOrgId,

    /// <summary>Typed body's <c>org_id</c>, required: a body that is not an object, or no string <c>org_id</c> → 422.</summary>
    BodyOrgId,

    /// <summary>Free-form body's <c>org_id</c>: absent counts as the empty string, which then fails the scope check (403).</summary>
    BodyOrgIdOrEmpty,

    /// <summary>Free-form body's <c>org_id</c> when it is a string, else the caller's own tenant (tester onboarding, spec §14.1).</summary>
    BodyOrgIdOrCaller,

    /// <summary>Typed body's <c>tenant_id</c>, required (feedback, spec §10.1): like <see cref="BodyOrgId"/>.</summary>
    BodyTenantId,

    /// <summary>
    /// The caller's own tenant: the route names no org (e.g. resolving feedback by id), so it acts inside the identity's
    /// tenant and can reach nothing of another.
    /// </summary>
    Caller,
}
