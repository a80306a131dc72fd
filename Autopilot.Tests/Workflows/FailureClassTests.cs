namespace Autopilot.Tests.Workflows;

/// <summary>TIMEOUT and TRANSIENT_* are retried with backoff; the terminal classes fail at once (seed plan 1A.5).</summary>
public sealed class FailureClassTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public FailureClassTests(WorkflowServerFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("timeout")]
    [InlineData("transient_network")]
    [InlineData("transient_error")]
    public async Task Retryable_failures_are_retried_and_the_workflow_succeeds(string failure)
    {
        var tenant = FaultTests.NewTenant("retry");
        var (status, body) = await FaultTests.StartAsync(_fixture.Http, tenant, FaultTests.Body(3, 10, FaultTests.Fault("step_2", failure, 2)), waitSeconds: 60);

        Assert.Equal(200, status);
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        var attempts = FaultTests.Attempts(body);
        Assert.Equal(3, attempts["step_2"]); // failed twice, retried after 1 s and 4 s
        Assert.Equal(1, attempts["step_1"]);
        Assert.Equal(1, attempts["step_3"]);
    }

    [Theory]
    [InlineData("permission_denied", "PERMISSION_DENIED")]
    [InlineData("quota_exceeded", "QUOTA_EXCEEDED")]
    [InlineData("malformed_response", "MALFORMED_RESPONSE")]
    [InlineData("validation_failed", "VALIDATION_FAILED")]
    public async Task Terminal_failures_are_not_retried_and_answer_the_partial_failure_body(string failure, string code)
    {
        var tenant = FaultTests.NewTenant("term");
        var (status, body) = await FaultTests.StartAsync(_fixture.Http, tenant, FaultTests.Body(4, 10, FaultTests.Fault("step_3", failure, 1)));

        Assert.Equal(200, status);
        Assert.Equal("partial_failure", body!["workflow_status"]!.GetValue<string>());
        Assert.Null(body["status"]);
        Assert.Equal(["step_1", "step_2"], body["completed_steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()));
        var failed = body["failed_step"]!;
        Assert.Equal("step_3", failed["step"]!.GetValue<string>());
        Assert.Equal(code, failed["failure_class"]!.GetValue<string>());
        Assert.Equal(0, failed["retry_count"]!.GetValue<int>());
        Assert.StartsWith(code + ": injected fault", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", failed["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["retry", "retry_with_sampling", "skip_and_continue"], body["available_actions"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
        Assert.Equal(1, FaultTests.Attempts(body)["step_3"]);

        var alerts = await new Autopilot.Core.Alerts.AlertStore(_fixture.Storage.Tables, new Autopilot.Core.Tenants.TenantSettingsStore(_fixture.Storage.Tables), TimeProvider.System).ListAsync(tenant, null, CancellationToken.None);
        var alert = Assert.Single(alerts);
        Assert.Equal(("P1", "workflow_partial_failure:fault_test:step_3"), (alert.Severity, alert.DedupeKey));
    }

    [Fact]
    public async Task A_retryable_failure_that_outlasts_its_retries_reports_three_retries()
    {
        var tenant = FaultTests.NewTenant("exh");
        var (_, body) = await FaultTests.StartAsync(_fixture.Http, tenant, FaultTests.Body(2, 10, FaultTests.Fault("step_1", "timeout", 10)), waitSeconds: 60);

        Assert.Equal("partial_failure", body!["workflow_status"]!.GetValue<string>());
        Assert.Equal(("TIMEOUT", 3), (body["failed_step"]!["failure_class"]!.GetValue<string>(), body["failed_step"]!["retry_count"]!.GetValue<int>()));
        Assert.Equal(["retry", "retry_with_sampling"], body["available_actions"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
    }
}
