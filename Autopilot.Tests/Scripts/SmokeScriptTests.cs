using System.Diagnostics;
using Autopilot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Autopilot.Tests.Scripts;

/// <summary>
/// <c>scripts/smoke.sh</c> (OPS-2) run as an operator would, against a real server over loopback: every step passes on a
/// fresh tenant, and the script says which step failed (exit 1) when the deployment does not answer.
/// </summary>
public sealed class SmokeScriptTests : IClassFixture<ServerFixture>
{
    private static readonly string[] Steps = ["health", "ready", "connect", "profile", "dashboard", "memo", "feedback", "feedback-summary", "disconnect"];

    private readonly ServerFixture _fixture;
    private readonly ITestOutputHelper _output;

    public SmokeScriptTests(ServerFixture fixture, ITestOutputHelper output) => (_fixture, _output) = (fixture, output);

    [Fact]
    public async Task The_smoke_script_passes_every_step_against_a_running_server()
    {
        var org = "org_smoke_" + Guid.NewGuid().ToString("N")[..8];

        var (exit, output) = await RunAsync(_fixture.Server.BaseAddress.ToString(), "--org", org);

        _output.WriteLine(output);
        Assert.True(exit == 0, output);
        foreach (var step in Steps)
        {
            Assert.Matches($"(?m)^ok +{step} ", output);
        }
    }

    [Fact]
    public async Task The_smoke_script_names_the_failing_step_and_exits_1_when_nothing_answers()
    {
        var (exit, output) = await RunAsync("http://127.0.0.1:9/", "--wait", "5");

        Assert.Equal(1, exit);
        Assert.Matches("(?m)^FAIL +health .*HTTP 000", output);
        Assert.Contains("smoke test failed", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestEnvironment.RepoRoot };
        start.ArgumentList.Add(Path.Combine(TestEnvironment.RepoRoot, "scripts", "smoke.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
