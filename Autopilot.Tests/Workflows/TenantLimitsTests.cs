using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>Concurrency limits are configurable per tenant, by admins, and take effect at once.</summary>
public sealed class TenantLimitsTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public TenantLimitsTests(WorkflowServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task A_tenant_limit_of_one_queues_the_rest_and_raising_it_admits_them_at_once()
    {
        var tenant = FaultTests.NewTenant("lim");
        var (memberStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "member", """{"concurrency_limit":1}""");
        var (badStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"concurrency_limit":2,"profile_limit":5}""");
        var (setStatus, set) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"concurrency_limit":1}""");
        var (_, other) = await Http.SendAsync(HttpMethod.Get, "api/v1/workflows/limits?org_id=org_untouched", "org_untouched", "member");

        var starts = new List<(int Status, System.Text.Json.Nodes.JsonNode? Body)>();
        for (var i = 0; i < 3; i++)
        {
            starts.Add(await FaultTests.StartAsync(Http, tenant, FaultTests.Body(1, 3000), waitSeconds: 0));
        }

        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/limits?org_id={tenant}", tenant, "admin", """{"concurrency_limit":3}""");

        // Raising the limit admits the queued two in the same request; their runs turn "running" as their orchestrations wake.
        var slots = await new Autopilot.Core.Admission.AdmissionStore(_fixture.Storage.Tables, new Autopilot.Core.Admission.PendingWorkIndex(_fixture.Storage.Tables, TimeProvider.System), TimeProvider.System).ListRunningAsync(tenant, CancellationToken.None);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<Autopilot.Core.Workflows.WorkflowRun> running = [];
        while (clock.Elapsed < TimeSpan.FromSeconds(15) && running.Count < 3)
        {
            running = await _fixture.Storage.Runs.ListAsync(tenant, "running", null, CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.Equal((403, 400, 200), (memberStatus, badStatus, setStatus));
        Assert.Equal((1, 1), (set!["concurrency_limit"]!.GetValue<int>(), set["profile_limit"]!.GetValue<int>()));
        Assert.Equal((3, 2), (other!["concurrency_limit"]!.GetValue<int>(), other["profile_limit"]!.GetValue<int>()));
        Assert.Equal([202, 200, 200], starts.Select(s => s.Status));
        Assert.Equal([1, 2], starts.Skip(1).Select(s => s.Body!["queue_position"]!.GetValue<int>()));
        Assert.Equal(3, slots.Count);
        Assert.Equal(3, running.Count);
    }
}
