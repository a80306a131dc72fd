using System.Text.Json.Nodes;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>The weekly memo: packet → writer → validation → memo artifact (spec §14). Being built; the steps land next.</summary>
public sealed class WeeklyMemoOrchestration : AdmittedWorkflow<WeeklyMemoInput>
{
    protected override Task<JsonObject> RunStepsAsync(TaskOrchestrationContext context, WeeklyMemoInput input, WorkflowProgress progress) =>
        throw new NotSupportedException("The weekly memo's steps are not built yet.");

    protected override IReadOnlyList<string> ActionsAfterFailure(string failedStep) => ["retry"];
}
