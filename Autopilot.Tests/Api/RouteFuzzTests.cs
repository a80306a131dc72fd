using System.Collections.Concurrent;
using System.Text;
using Autopilot.Core.Api;
using Xunit.Abstractions;

namespace Autopilot.Tests.Api;

/// <summary>
/// Every route of the route table (so new routes are covered as they are added) against malformed and hostile input on the
/// real server over HTTP: each answer is 2xx or 4xx, never a 5xx (issue 8 §1).
/// </summary>
[Collection(Infrastructure.SecondProcessCollection.Name)]
public sealed class RouteFuzzTests : IClassFixture<RouteFuzzServer>
{
    private readonly RouteFuzzServer _fixture;
    private readonly ITestOutputHelper _output;

    public RouteFuzzTests(RouteFuzzServer fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    public static TheoryData<string> Routes => [.. RouteTable.All.Select(r => r.Name)];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Malformed_and_hostile_input_is_answered_2xx_or_4xx_never_5xx(string routeName)
    {
        var route = RouteTable.All.Single(r => r.Name == routeName);
        var requests = RouteFuzzInputs.For(route).ToList();
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            var status = await SendAsync(request, ct);
            if (status is >= 500 or < 200)
            {
                failures.Add($"{status} [{request.Input}] {request.Method} {Shorten(request.PathAndQuery)}");
            }
        });

        _output.WriteLine($"{route.Name}: {requests.Count} inputs, {failures.Count} answered 5xx or not at all");
        var sorted = failures.Order(StringComparer.Ordinal).ToList();
        sorted.ForEach(_output.WriteLine);
        var errors = _fixture.Server.Output.Split('\n').Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(10);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} answered 5xx:\n{string.Join("\n", sorted.Take(40))}\nserver:\n{string.Join("\n", errors)}");
    }

    private async Task<int> SendAsync(RouteFuzzInputs.FuzzRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(request.Method, new Uri(_fixture.Server.BaseAddress, request.PathAndQuery));
        if (request.TenantHeader is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Tenant-Id", request.TenantHeader);
        }

        if (request.RoleHeader is not null)
        {
            message.Headers.TryAddWithoutValidation("X-User-Role", request.RoleHeader);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await _fixture.Http.SendAsync(message, deadline.Token);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return -1; // the connection dropped: as bad as a 5xx
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return -2; // no answer within a minute
        }
    }

    private static string Shorten(string value) => value.Length <= 160 ? value : value[..160] + $"…({value.Length} chars)";
}
