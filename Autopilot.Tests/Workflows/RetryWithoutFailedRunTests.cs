using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary><c>POST /workflows/retry</c> with nothing to resume starts a fresh run carrying the action (WF-9, WF-11), as the seed did.</summary>
public sealed class RetryWithoutFailedRunTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public RetryWithoutFailedRunTests(WorkflowServerFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("retry_with_sampling", true, false)]
    [InlineData("retry", false, false)]
    [InlineData("skip_and_continue", false, true)]
    public async Task A_retry_with_no_failed_run_profiles_afresh_with_the_actions_choices(string action, bool sampling, bool skipOnError)
    {
        var tenant = FaultTests.NewTenant("rfresh");

        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=profile&action={action}", tenant, "member");

        Assert.Equal(200, status);
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        Assert.False(body["resumed"]!.GetValue<bool>());
        Assert.Equal(sampling, body["sampling_mode"]!.GetValue<bool>());
        Assert.Equal(skipOnError, body["skip_on_error"]!.GetValue<bool>());
        Assert.NotEmpty(await _fixture.Storage.Catalog.ListTablesAsync(tenant, CancellationToken.None));
        var audit = await _fixture.Storage.Audit.ListAsync(tenant, null, 50, CancellationToken.None);
        var requested = Assert.Single(audit, a => a.EventType == "workflow_retry_requested");
        Assert.Equal(body["workflow_id"]!.GetValue<string>(), requested.Payload["workflow_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_with_a_bad_wait_seconds_is_refused_before_anything_starts()
    {
        var tenant = FaultTests.NewTenant("rwait");

        var (status, _) = await _fixture.Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/retry?org_id={tenant}&workflow_type=profile&wait_seconds=soon", tenant, "member");
        var (_, runs) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/runs?org_id={tenant}", tenant, "member");

        Assert.Equal(422, status);
        Assert.Empty(runs!["items"]!.AsArray());
    }
}
