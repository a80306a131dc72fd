using Autopilot.Core.Api;
using Autopilot.Core.RateLimits;

namespace Autopilot.Tests.RateLimits;

/// <summary>Every route of the route table draws from the bucket its declared access, method and path imply.</summary>
public sealed class RouteClassTests
{
    public static TheoryData<string> Routes() => [.. RouteTable.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Routes))]
    public void Each_route_has_the_class_its_access_method_and_path_imply(string name)
    {
        var route = RouteTable.All.Single(r => r.Name == name);
        RouteClass? expected = route.Access switch
        {
            RouteAccess.Public => null,
            RouteAccess.Admin => RouteClass.Admin,
            _ when route.Method == "GET" => RouteClass.Read,
            _ when route.Template.StartsWith("api/v1/agent/", StringComparison.Ordinal) => RouteClass.Agent,
            _ => RouteClass.Write,
        };

        Assert.Equal(expected, RouteClasses.Of(route));
    }

    [Fact]
    public void Every_class_is_used_by_some_route_and_health_is_never_limited()
    {
        var used = RouteTable.All.Select(RouteClasses.Of).ToHashSet();

        Assert.All(Enum.GetValues<RouteClass>(), c => Assert.Contains(c, used));
        Assert.Null(RouteClasses.Of(RouteTable.All.Single(r => r.Name == RouteNames.Health)));
        Assert.Equal(RouteClass.Agent, RouteClasses.Of(RouteTable.All.Single(r => r.Name == RouteNames.AgentRun)));
        Assert.Equal(RouteClass.Read, RouteClasses.Of(RouteTable.All.Single(r => r.Name == RouteNames.AgentRunStatus)));
    }
}
