namespace Autopilot.Core.RateLimits;

/// <summary>
/// What a request costs the service, for per-tenant rate limits: each class has its own bucket per tenant, so a
/// tenant polling statuses does not use up its budget for starting work.
/// </summary>
public enum RouteClass
{
    /// <summary>GET routes: statuses, lists, limits.</summary>
    Read,

    /// <summary>Member routes that change state or start workflows (profile, queries, retries).</summary>
    Write,

    /// <summary>Starting or approving agent runs: the most expensive work (planner, warehouse, language model).</summary>
    Agent,

    /// <summary>Admin-only routes (connect, limits, cancel-all).</summary>
    Admin,
}
