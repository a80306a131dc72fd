using Autopilot.Core.Api;

namespace Autopilot.Core.RateLimits;

/// <summary>Derives a route's <see cref="RouteClass"/> from what the route table already declares (access, method, path).</summary>
public static class RouteClasses
{
    private const string AgentPrefix = "api/v1/agent/";

    /// <summary>The class whose bucket a request to <paramref name="route"/> draws from; null for public routes (no tenant to charge).</summary>
    public static RouteClass? Of(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route switch
        {
            { Access: RouteAccess.Public } => null,
            { Access: RouteAccess.Admin } => RouteClass.Admin,

            // Polling an agent run's status is a read: it must not use up the budget for starting runs.
            { Method: "GET" } => RouteClass.Read,
            _ when route.Template.StartsWith(AgentPrefix, StringComparison.Ordinal) => RouteClass.Agent,
            _ => RouteClass.Write,
        };
    }

    /// <summary>The setting that configures a class's limit, e.g. <c>RATE_LIMIT_WRITE</c>.</summary>
    public static string SettingOf(RouteClass routeClass) => "RATE_LIMIT_" + routeClass.ToString().ToUpperInvariant();

    /// <summary>The class's name in Redis keys and messages, e.g. <c>write</c>.</summary>
    public static string NameOf(RouteClass routeClass) => routeClass.ToString().ToLowerInvariant();
}
