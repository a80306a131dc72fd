using System.Diagnostics;
using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Workflows;

/// <summary>
/// Wraps an activity's work in its step record: a step that already succeeded for the same
/// (tenant, workflow, step, input hash) returns its stored output without running again (WF-4, seed plan 1B.3);
/// otherwise the attempt is counted, the work runs, and its outcome is stored.
/// </summary>
public sealed class StepRecorder
{
    private readonly StepStore _steps;

    public StepRecorder(StepStore steps) => _steps = steps;

    public async Task<TOut> RunAsync<TIn, TOut>(string tenantId, string workflowId, string step, TIn input, Func<CancellationToken, Task<TOut>> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        var inputHash = InputHash(input);
        var existing = await _steps.GetAsync(tenantId, workflowId, step, inputHash, cancellation);
        if (existing is { Status: StepStatus.Success, OutputJson: { } stored })
        {
            return JsonSerializer.Deserialize<TOut>(stored, AutopilotJson.Options)!;
        }

        await _steps.BeginAsync(tenantId, workflowId, step, inputHash, cancellation);
        TOut output;
        var started = Stopwatch.GetTimestamp();
        try
        {
            output = await work(cancellation);
            Telemetry.AutopilotMetrics.StepFinished(step, Stopwatch.GetElapsedTime(started), succeeded: true);
        }
        catch (Exception ex)
        {
            Telemetry.AutopilotMetrics.StepFinished(step, Stopwatch.GetElapsedTime(started), succeeded: false);
            await _steps.FinishAsync(tenantId, workflowId, step, inputHash, StepStatus.Failed, null, ex.Message, CancellationToken.None);
            throw;
        }

        await _steps.FinishAsync(tenantId, workflowId, step, inputHash, StepStatus.Success, JsonSerializer.Serialize(output, AutopilotJson.Options), null, cancellation);
        return output;
    }

    /// <summary>SHA-256 of the input serialized with the project's JSON options (stable for records).</summary>
    public static string InputHash<TIn>(TIn input) => Ids.Sha256Hex(JsonSerializer.Serialize(input, AutopilotJson.Options));
}
