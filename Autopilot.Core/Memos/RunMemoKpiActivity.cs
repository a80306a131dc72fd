using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// One KPI through the query path: its two-window value and its daily series. Recorded per run and KPI, so a resumed
/// memo does not query again; a refused query fails the step (the memo cannot state a number it could not compute).
/// </summary>
public sealed class RunMemoKpiActivity : TaskActivity<MemoKpiRunInput, MemoKpiMeasurement>
{
    private readonly QueryPath _queries;
    private readonly StepRecorder _steps;

    public RunMemoKpiActivity(QueryPath queries, StepRecorder steps)
    {
        _queries = queries;
        _steps = steps;
    }

    public override Task<MemoKpiMeasurement> RunAsync(TaskActivityContext context, MemoKpiRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kpi = input.Kpi;
        return _steps.RunAsync(input.TenantId, input.WorkflowId, $"{MemoSteps.RunKpis}:{kpi.MetricName}", input, async ct =>
        {
            var (value, refusal, tables) = await MemoQueries.RunAsync(_queries, input.TenantId, input.ConnectionId, input.WorkflowId, "value:" + kpi.ValueSql, kpi.ValueSql, ct);
            if (value is null)
            {
                throw MemoQueries.Refused($"The {kpi.MetricName} query", refusal!);
            }

            var (series, seriesRefusal, _) = await MemoQueries.RunAsync(_queries, input.TenantId, input.ConnectionId, input.WorkflowId, "series:" + kpi.SeriesSql, kpi.SeriesSql, ct);
            if (series is null)
            {
                throw MemoQueries.Refused($"The daily {kpi.MetricName} query", seriesRefusal!);
            }

            var row = value.Rows.Count > 0 ? value.Rows[0] : new Dictionary<string, object?>();
            var days = series.Rows
                .Where(r => r.GetValueOrDefault("day") is not null)
                .Select(r => new MemoDay(MemoQueries.Date(r["day"]), MemoQueries.Number(r.GetValueOrDefault("value")), (long)MemoQueries.Number(r.GetValueOrDefault("row_count"))))
                .OrderBy(d => d.Date)
                .ToList();
            return new MemoKpiMeasurement(kpi, MemoQueries.Number(row.GetValueOrDefault("current_value")), MemoQueries.Number(row.GetValueOrDefault("previous_value")),
                days, Ids.Sha256Hex(kpi.ValueSql), tables);
        }, CancellationToken.None);
    }
}
