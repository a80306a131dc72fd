using Autopilot.Core.Pii;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>Step <c>detect_pii</c>: value-pattern evidence → high confidence; a suggestive name alone → low.</summary>
public sealed class TagPiiActivity : TaskActivity<TagPiiInput, IReadOnlyList<ColumnPiiTag>>
{
    private readonly StepRecorder _steps;
    private readonly StepDelayOptions _delay;
    private readonly TimeProvider _time;

    public TagPiiActivity(StepRecorder steps, StepDelayOptions delay, TimeProvider time)
    {
        _steps = steps;
        _delay = delay;
        _time = time;
    }

    public override Task<IReadOnlyList<ColumnPiiTag>> RunAsync(TaskActivityContext context, TagPiiInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync<TagPiiInput, IReadOnlyList<ColumnPiiTag>>(input.TenantId, input.WorkflowId, ProfileSteps.DetectPii, input, async ct =>
        {
            await Task.Delay(_delay.Delay, _time, ct);
            var tags = new List<ColumnPiiTag>();
            foreach (var table in input.Profiles)
            {
                foreach (var column in table.Columns)
                {
                    if (PiiClassifier.Classify(column) is { } tag)
                    {
                        tags.Add(new ColumnPiiTag(table.Dataset, table.Table, column.Name, tag));
                    }
                }
            }

            return tags;
        }, CancellationToken.None);
    }
}
