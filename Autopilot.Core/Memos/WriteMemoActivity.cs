using Autopilot.Core.Llm;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// Writes and validates the memo (MEMO-10..13), calling the language model when one is configured. Recorded per run and
/// packet, so a replayed or resumed memo reuses the text it already paid for instead of asking the model again.
/// </summary>
public sealed class WriteMemoActivity : TaskActivity<MemoWriteInput, MemoWriteResult>
{
    private readonly IMemoWriter _writer;
    private readonly StepRecorder _steps;

    public WriteMemoActivity(IMemoWriter writer, StepRecorder steps)
    {
        _writer = writer;
        _steps = steps;
    }

    public override async Task<MemoWriteResult> RunAsync(TaskActivityContext context, MemoWriteInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var caller = LlmCallScope.Begin(input.TenantId, LlmTasks.MemoWriter);
        return await _steps.RunAsync(input.TenantId, input.WorkflowId, MemoSteps.WriteMemo, input,
            ct => MemoComposer.ComposeAsync(_writer, input.Packet, ct), CancellationToken.None);
    }
}
