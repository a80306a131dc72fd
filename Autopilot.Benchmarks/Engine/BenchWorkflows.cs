using Microsoft.DurableTask;

namespace Autopilot.Benchmarks.Engine;

/// <summary>The benchmark's workload: a chain of <see cref="BenchChainInput.Activities"/> sequential trivial activities.</summary>
public sealed class BenchChainOrchestration : TaskOrchestrator<BenchChainInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, BenchChainInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var value = input.Start;
        for (var i = 0; i < input.Activities; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(BenchIncrementActivity), value);
        }

        return value;
    }
}

/// <summary>Trivial activity: no I/O, so the figures are the engine's and the storage's cost alone.</summary>
public sealed class BenchIncrementActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}

public sealed record BenchChainInput(int Start, int Activities);
