namespace Autopilot.Tests.Workflows;

/// <summary>
/// The engine's short visibility timeout (15 s, for fast crash recovery) must not make a live, long step run twice:
/// the provider renews the message while the step works.
/// </summary>
public sealed class LongStepTests : IClassFixture<WorkflowServerFixture>
{
    private readonly WorkflowServerFixture _fixture;

    public LongStepTests(WorkflowServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_step_running_longer_than_the_visibility_timeout_executes_once()
    {
        var tenant = FaultTests.NewTenant("long");
        var (status, body) = await FaultTests.StartAsync(_fixture.Http, tenant, FaultTests.Body(1, 40_000), waitSeconds: 90);

        Assert.Equal(200, status);
        Assert.Equal("success", body!["status"]!.GetValue<string>());
        Assert.Equal(1, FaultTests.Attempts(body)["step_1"]);
    }
}
