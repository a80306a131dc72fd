using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Tenancy;
using Xunit.Abstractions;

namespace Autopilot.Tests.Tenancy.Jwt;

/// <summary>
/// Every route of the route table × role (admin, member, viewer, none) × own/foreign tenant × identity mode (headers, jwt),
/// over HTTP against real servers: the status each cell gets is the one the route's declared access implies (issue 10).
/// </summary>
[Collection(Infrastructure.SecondProcessCollection.Name)]
public sealed class RouteAccessMatrixTests : IClassFixture<AccessMatrixServers>
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..6];
    private readonly AccessMatrixServers _servers;
    private readonly ITestOutputHelper _output;

    public RouteAccessMatrixTests(AccessMatrixServers servers, ITestOutputHelper output)
    {
        _servers = servers;
        _output = output;
    }

    public static TheoryData<string> Routes => [.. RouteTable.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_role_and_tenant_gets_the_status_the_routes_declared_access_implies_in_both_modes(string routeName)
    {
        var route = RouteTable.All.Single(r => r.Name == routeName);
        var cases = RouteAccessCase.For(route).ToList();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (cell, ct) =>
        {
            var http = cell.Mode == AuthMode.Jwt ? _servers.JwtHttp : _servers.HeadersHttp;
            using var request = cell.Request(Run, _servers.Issuer);
            using var response = await http.SendAsync(request, ct);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync(ct);
            var detail = response.Content.Headers.ContentType?.MediaType == "application/json" && text.StartsWith('{')
                ? JsonNode.Parse(text)?["detail"]?.ToString() ?? ""
                : text;
            var problem = Check(cell, status, detail, response.Headers.WwwAuthenticate.Count > 0);
            if (problem is not null)
            {
                failures.Add($"{cell}: {problem} (got {status} {Shorten(detail)})");
            }
        });

        _output.WriteLine($"{route.Name}: {cases.Count} cells, {failures.Count} wrong");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_matrix_covers_every_route_role_tenant_and_mode()
    {
        var cells = RouteTable.All.SelectMany(RouteAccessCase.For).ToList();

        _output.WriteLine($"matrix: {RouteTable.All.Count} routes × {RouteAccessCase.Roles.Length} roles × 2 tenants × 2 modes = {cells.Count} cells; "
            + $"{cells.Count(c => c.Allowed)} allowed, {cells.Count(c => c.ExpectedRefusal == 403)} → 403, {cells.Count(c => c.ExpectedRefusal == 401)} → 401, {cells.Count(c => c.ExpectedRefusal == 400)} → 400");
        Assert.Equal(RouteTable.All.Count * 4 * 2 * 2, cells.Distinct().Count());
        Assert.Contains(cells, c => c.ExpectedRefusal == 403 && c.OwnTenant);
        Assert.Contains(cells, c => c.ExpectedRefusal == 403 && !c.OwnTenant);
    }

    private static string? Check(RouteAccessCase cell, int status, string detail, bool challenged)
    {
        if (status >= 500)
        {
            return "a 5xx is a defect";
        }

        if (cell.ExpectedRefusal is { } expected)
        {
            if (status != expected)
            {
                return $"expected {expected}";
            }

            return expected == 401 && !challenged && !RouteAccessCase.SignedWebhooks.Contains(cell.Route.Name) ? "401 without WWW-Authenticate" : null;
        }

        if (status is 401 or 403)
        {
            return "allowed by the declaration but refused";
        }

        // A 400 about the identity itself would mean the caller was not recognised; a 422 that the sample input is not valid.
        return (status == 400 && detail.Contains("X-", StringComparison.Ordinal)) || status == 422
            ? "allowed cell did not reach the handler: give the route a valid input in RouteAccessCase.Inputs"
            : null;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
