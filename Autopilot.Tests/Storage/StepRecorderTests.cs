using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Storage;

/// <summary>Idempotent step upsert (WF-4): a succeeded step with the same input is reused, not run again.</summary>
public sealed class StepRecorderTests
{
    private readonly StepStore _steps = new(
        new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("steps") }),
        TimeProvider.System);

    [Fact]
    public async Task A_succeeded_step_is_reused_for_the_same_input_and_run_again_for_another()
    {
        var recorder = new StepRecorder(_steps);
        var runs = 0;
        Task<int> Work(CancellationToken _) => Task.FromResult(++runs * 10);

        var first = await recorder.RunAsync("org", "wf_1", "step", new { a = 1 }, Work, CancellationToken.None);
        var again = await recorder.RunAsync("org", "wf_1", "step", new { a = 1 }, Work, CancellationToken.None);
        var other = await recorder.RunAsync("org", "wf_1", "step", new { a = 2 }, Work, CancellationToken.None);

        Assert.Equal((10, 10, 20), (first, again, other));
        Assert.Equal(2, runs);
        var states = await _steps.ListAsync("org", "wf_1", CancellationToken.None);
        Assert.Equal(2, states.Count);
        Assert.All(states, s => Assert.Equal((StepStatus.Success, 1), (s.Status, s.Attempts)));
    }

    [Fact]
    public async Task A_failed_step_records_its_error_and_the_next_attempt_is_counted()
    {
        var recorder = new StepRecorder(_steps);
        var calls = 0;
        Task<int> Flaky(CancellationToken _) => ++calls == 1 ? throw new InvalidOperationException("timeout") : Task.FromResult(7);

        await Assert.ThrowsAsync<InvalidOperationException>(() => recorder.RunAsync("org", "wf_2", "s", 1, Flaky, CancellationToken.None));
        var failed = Assert.Single(await _steps.ListAsync("org", "wf_2", CancellationToken.None));
        var result = await recorder.RunAsync("org", "wf_2", "s", 1, Flaky, CancellationToken.None);
        var succeeded = Assert.Single(await _steps.ListAsync("org", "wf_2", CancellationToken.None));

        Assert.Equal((StepStatus.Failed, "timeout"), (failed.Status, failed.Error));
        Assert.Equal(7, result);
        Assert.Equal((StepStatus.Success, 2, null), (succeeded.Status, succeeded.Attempts, succeeded.Error));
    }
}
