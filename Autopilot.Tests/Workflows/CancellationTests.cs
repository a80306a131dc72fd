using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>Cancel of running, queued and finished workflows; cancel-all; disconnect cancels (spec §5.10–5.11, §4.2).</summary>
public sealed class CancellationTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public CancellationTests(WorkflowServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task Cancelling_a_running_workflow_terminates_it_and_gives_its_slot_to_the_next_queued_one()
    {
        var tenant = FaultTests.NewTenant("cxrun");
        var started = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var (_, body) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, i < 3 ? 8000 : 10), waitSeconds: 0);
            started.Add(body!["workflow_id"]!.GetValue<string>());
        }

        var (status, cancelled) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/{started[0]}/cancel?org_id={tenant}", tenant, "member");
        var fourth = await Http.WaitForRunAsync(tenant, started[3], TimeSpan.FromSeconds(30));
        var first = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/{started[0]}/status?org_id={tenant}", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal(("cancelled", "fault_test"), (cancelled!["status"]!.GetValue<string>(), cancelled["workflow_type"]!.GetValue<string>()));
        Assert.NotNull(cancelled["finished_at"]);
        Assert.Equal("success", fourth["status"]!.GetValue<string>());
        Assert.Equal("terminated", first.Body!["runtime_status"]!.GetValue<string>());
        Assert.Equal("cancelled", first.Body["status"]!.GetValue<string>());
        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/cancel-all?org_id={tenant}", tenant, "admin");
    }

    [Fact]
    public async Task Cancelling_a_queued_workflow_removes_it_from_the_queue_and_it_never_runs()
    {
        var tenant = FaultTests.NewTenant("cxq");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // The first three hold the tenant's three slots far longer than the test takes, so the fourth is still
            // queued when it is cancelled however slow the machine; cancelling the first then frees a slot for the fifth.
            var (_, body) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(1, i < 3 ? 20_000 : 10), waitSeconds: 0);
            ids.Add(body!["workflow_id"]!.GetValue<string>());
        }

        var (status, cancelled) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/{ids[3]}/cancel?org_id={tenant}", tenant, "member");
        var (_, queue) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}", tenant, "member");
        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/{ids[0]}/cancel?org_id={tenant}", tenant, "member");
        var last = await Http.WaitForRunAsync(tenant, ids[4], TimeSpan.FromSeconds(30));
        var steps = await _fixture.Storage.Steps.ListAsync(tenant, ids[3], CancellationToken.None);

        Assert.Equal(200, status);
        Assert.Equal("cancelled", cancelled!["status"]!.GetValue<string>());
        Assert.DoesNotContain(queue!["items"]!.AsArray(), i => i!["workflow_id"]!.GetValue<string>() == ids[3]);
        Assert.Equal("success", last["status"]!.GetValue<string>());
        Assert.Empty(steps);
        await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/cancel-all?org_id={tenant}", tenant, "admin");
    }

    [Fact]
    public async Task Cancelling_a_finished_workflow_leaves_it_unchanged_and_an_unknown_one_is_404()
    {
        var tenant = FaultTests.NewTenant("cxdone");
        var (_, done) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(1, 10));
        var id = done!["workflow_id"]!.GetValue<string>();

        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/{id}/cancel?org_id={tenant}", tenant, "member");
        var (unknownStatus, unknown) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/wf_000000000000/cancel?org_id={tenant}", tenant, "member");
        var (otherStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/{id}/cancel?org_id=org_else", "org_else", "member");

        Assert.Equal(200, status);
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        Assert.Equal(404, unknownStatus);
        Assert.Equal("workflow not found", unknown!["detail"]!.GetValue<string>());
        Assert.Equal(404, otherStatus);
    }

    [Fact]
    public async Task Cancel_all_is_admin_only_and_cancels_every_running_and_queued_workflow()
    {
        var tenant = FaultTests.NewTenant("cxall");
        for (var i = 0; i < 5; i++)
        {
            await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, 8000), waitSeconds: 0);
        }

        var (memberStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/cancel-all?org_id={tenant}", tenant, "member");
        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/cancel-all?org_id={tenant}", tenant, "admin");
        var runs = await _fixture.Storage.Runs.ListAsync(tenant, null, null, CancellationToken.None);
        var (_, queue) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}", tenant, "member");

        Assert.Equal(403, memberStatus);
        Assert.Equal(200, status);
        Assert.Equal((3, 2), (body!["cancelled_runs"]!.GetValue<int>(), body["cancelled_queued"]!.GetValue<int>()));
        Assert.All(runs, r => Assert.Equal("cancelled", r.Status));
        Assert.Empty(queue!["items"]!.AsArray());
    }

    [Fact]
    public async Task Disconnecting_the_connector_cancels_running_and_queued_work_and_reports_the_counts()
    {
        var tenant = FaultTests.NewTenant("cxdisc");
        await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", $$"""{"org_id":"{{tenant}}"}""");
        for (var i = 0; i < 4; i++)
        {
            await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, 8000), waitSeconds: 0);
        }

        var (status, body) = await Http.SendAsync(HttpMethod.Post, $"api/v1/connectors/conn_{tenant}/disconnect?org_id={tenant}", tenant, "admin");

        Assert.Equal(200, status);
        Assert.Equal((3, 1), (body!["cancelled_active_workflows"]!.GetValue<int>(), body["cancelled_queued_workflows"]!.GetValue<int>()));
        Assert.All(await _fixture.Storage.Runs.ListAsync(tenant, null, null, CancellationToken.None), r => Assert.Equal("cancelled", r.Status));
    }
}
