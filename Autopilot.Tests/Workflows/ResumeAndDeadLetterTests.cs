using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>Resume under the same workflow id reuses completed steps; repeated failure dead-letters; re-queue runs it.</summary>
public sealed class ResumeAndDeadLetterTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public ResumeAndDeadLetterTests(WorkflowServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task Resuming_after_a_fault_at_step_3_runs_step_3_onward_and_not_steps_1_and_2_again()
    {
        var tenant = FaultTests.NewTenant("resume");
        var (_, failed) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(5, 10, FaultTests.Fault("step_3", "permission_denied", 1)));
        var workflowId = failed!["workflow_id"]!.GetValue<string>();
        Assert.Equal("partial_failure", failed["workflow_status"]!.GetValue<string>());

        var (status, resumed) = await Http.SendAsync(HttpMethod.Post,
            $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test&workflow_id={workflowId}&action=retry", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal(workflowId, resumed!["workflow_id"]!.GetValue<string>());
        Assert.Equal("success", resumed["status"]!.GetValue<string>());
        Assert.True(resumed["resumed"]!.GetValue<bool>());
        Assert.Equal(2, resumed["attempt"]!.GetValue<int>());
        var attempts = FaultTests.Attempts(resumed);
        Assert.Equal((1, 1, 2, 1, 1), (attempts["step_1"], attempts["step_2"], attempts["step_3"], attempts["step_4"], attempts["step_5"]));
    }

    [Fact]
    public async Task Retry_without_an_id_resumes_the_most_recent_failed_run_of_the_type()
    {
        var tenant = FaultTests.NewTenant("latest");
        var (_, failed) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, 10, FaultTests.Fault("step_2", "quota_exceeded", 1)));

        var (_, resumed) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test", tenant, "member");

        Assert.Equal(failed!["workflow_id"]!.GetValue<string>(), resumed!["workflow_id"]!.GetValue<string>());
        Assert.Equal("success", resumed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retry_with_sampling_suppresses_timeouts_and_skip_and_continue_skips_only_skippable_steps()
    {
        var tenant = FaultTests.NewTenant("actions");
        var (_, timedOut) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, 10, FaultTests.Fault("step_2", "timeout", 50)), waitSeconds: 60);
        var timedOutId = timedOut!["workflow_id"]!.GetValue<string>();
        var (_, sampled) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test&workflow_id={timedOutId}&action=retry_with_sampling", tenant, "member");

        var (_, denied) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(3, 10, FaultTests.Fault("step_2", "permission_denied", 50)));
        var deniedId = denied!["workflow_id"]!.GetValue<string>();
        var (_, skipped) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test&workflow_id={deniedId}&action=skip_and_continue", tenant, "member");

        var (_, first) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(2, 10, FaultTests.Fault("step_1", "permission_denied", 50)));
        var (refusedStatus, refused) = await Http.SendAsync(HttpMethod.Post,
            $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test&workflow_id={first!["workflow_id"]!.GetValue<string>()}&action=skip_and_continue", tenant, "member");

        Assert.Equal(("success", true), (sampled!["status"]!.GetValue<string>(), sampled["sampling_mode"]!.GetValue<bool>()));
        Assert.Equal(("success", true), (skipped!["status"]!.GetValue<string>(), skipped["skip_on_error"]!.GetValue<bool>()));
        Assert.Equal(["step_2"], skipped["skipped_steps"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(400, refusedStatus);
        Assert.Contains("later steps need the output of 'step_1'", refused!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_workflow_types_are_400_and_a_missing_type_is_422()
    {
        var tenant = FaultTests.NewTenant("types");
        var (badStatus, bad) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=bogus", tenant, "member");
        var (missingStatus, _) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}", tenant, "member");

        Assert.Equal(400, badStatus);
        Assert.Equal("Unsupported workflow_type", bad!["detail"]!.GetValue<string>());
        Assert.Equal(422, missingStatus);
    }

    [Fact]
    public async Task Three_failed_attempts_dead_letter_the_workflow_with_its_history_and_a_P0_alert_and_requeue_runs_it()
    {
        var tenant = FaultTests.NewTenant("dlq");
        var (_, first) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(3, 10, FaultTests.Fault("step_2", "permission_denied", 3)));
        var workflowId = first!["workflow_id"]!.GetValue<string>();
        var retry = $"api/v1/workflows/retry?org_id={tenant}&workflow_type=fault_test&workflow_id={workflowId}";
        var (_, second) = await Http.SendAsync(HttpMethod.Post, retry, tenant, "member");
        var (_, third) = await Http.SendAsync(HttpMethod.Post, retry, tenant, "member");
        var (afterStatus, _) = await Http.SendAsync(HttpMethod.Post, retry, tenant, "member");

        Assert.Equal("partial_failure", second!["workflow_status"]!.GetValue<string>());
        Assert.Equal("dead_letter", third!["workflow_status"]!.GetValue<string>());
        Assert.Equal(409, afterStatus);

        var (_, letters) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/dead-letters?org_id={tenant}", tenant, "member");
        var letter = Assert.Single(letters!["items"]!.AsArray())!;
        Assert.Equal(third["dead_letter_id"]!.GetValue<string>(), letter["dead_letter_id"]!.GetValue<string>());
        Assert.Equal("PERMISSION_DENIED", letter["failure_class"]!.GetValue<string>());
        Assert.Equal([1, 2, 3], letter["error_history"]!.AsArray().Select(e => e!["attempt"]!.GetValue<int>()));
        Assert.EndsWith("Z", letter["error_history"]![0]!["at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(64, letter["input_hash"]!.GetValue<string>().Length);
        Assert.Contains(letter["step_states"]!.AsArray(), s => s!["step"]!.GetValue<string>() == "step_1" && s["status"]!.GetValue<string>() == "success");

        var (_, none) = await Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/dead-letters?org_id={tenant}&to=2000-01-01", tenant, "member");
        Assert.Empty(none!["items"]!.AsArray());

        var alerts = await new Autopilot.Core.Alerts.AlertStore(_fixture.Storage.Tables, new Autopilot.Core.Tenants.TenantSettingsStore(_fixture.Storage.Tables), TimeProvider.System).ListAsync(tenant, null, CancellationToken.None);
        Assert.Contains(alerts, a => a.Severity == "P0" && a.DedupeKey == $"workflow_dead_letter:fault_test:{workflowId}");

        var (requeueStatus, requeued) = await Http.SendAsync(HttpMethod.Post,
            $"api/v1/workflows/dead-letters/{letter["dead_letter_id"]!.GetValue<string>()}/requeue?org_id={tenant}", tenant, "member");
        var (againStatus, _) = await Http.SendAsync(HttpMethod.Post,
            $"api/v1/workflows/dead-letters/{letter["dead_letter_id"]!.GetValue<string>()}/requeue?org_id={tenant}", tenant, "member");

        Assert.Equal(200, requeueStatus);
        Assert.Equal("success", requeued!["status"]!.GetValue<string>());
        Assert.Equal((1, 4), (FaultTests.Attempts(requeued)["step_1"], FaultTests.Attempts(requeued)["step_2"]));
        Assert.Equal(409, againStatus);
        var audit = await _fixture.Storage.Audit.ListAsync(tenant, "dead_letter_requeued", 10, CancellationToken.None);
        Assert.Single(audit);
    }
}
