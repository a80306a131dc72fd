using Autopilot.Core.Queries;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// One KPI split by one dimension through the query path, recorded per run. Segments explain a change; a split the path
/// refuses (e.g. one needing approval) is reported in the memo's notes rather than failing it.
/// </summary>
public sealed class RunMemoSegmentActivity : TaskActivity<MemoSegmentRunInput, MemoSegmentResult>
{
    /// <summary>Null segment values (a row without a dimension value, or without its entity) are shown as this.</summary>
    public const string NoValue = "(none)";

    private readonly QueryPath _queries;
    private readonly StepRecorder _steps;

    public RunMemoSegmentActivity(QueryPath queries, StepRecorder steps)
    {
        _queries = queries;
        _steps = steps;
    }

    public override Task<MemoSegmentResult> RunAsync(TaskActivityContext context, MemoSegmentRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, $"{MemoSteps.RunSegments}:{input.MetricName}:{input.Segment.Dimension}", input, async ct =>
        {
            var sql = input.Segment.Sql;
            var (outcome, refusal, tables) = await MemoQueries.RunAsync(_queries, input.TenantId, input.ConnectionId, input.WorkflowId, "segment:" + sql, sql, ct);
            if (outcome is null)
            {
                return new MemoSegmentResult(input.MetricName, input.Segment.Dimension, [], refusal, tables);
            }

            var values = outcome.Rows
                .Select(r => new MemoSegmentValue(MemoQueries.Text(r.GetValueOrDefault("segment")) ?? NoValue,
                    MemoQueries.Number(r.GetValueOrDefault("current_value")), MemoQueries.Number(r.GetValueOrDefault("previous_value"))))
                .ToList();
            return new MemoSegmentResult(input.MetricName, input.Segment.Dimension, values, null, tables);
        }, CancellationToken.None);
    }
}
