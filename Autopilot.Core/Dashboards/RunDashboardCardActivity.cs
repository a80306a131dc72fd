using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Dashboards;

/// <summary>
/// One card through the one query path (gate → dry run → cost gate → execute), recorded per build and card so a
/// resumed build does not run it again. A refusal is the card's state, shown with its reason, not the build's failure;
/// warehouse errors fail the step with their class, so transient ones are retried.
/// </summary>
public sealed class RunDashboardCardActivity : TaskActivity<CardRunInput, CardResult>
{
    /// <summary>Rows a card keeps (a daily series of <see cref="DashboardTemplates.SeriesDays"/> fits with room).</summary>
    public const int MaxRows = 500;

    private readonly QueryPath _queries;
    private readonly StepRecorder _steps;

    public RunDashboardCardActivity(QueryPath queries, StepRecorder steps)
    {
        _queries = queries;
        _steps = steps;
    }

    public override Task<CardResult> RunAsync(TaskActivityContext context, CardRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var step = $"{DashboardSteps.RunCards}:{input.DashboardKey}:{input.Card.Key}";
        return _steps.RunAsync(input.TenantId, input.WorkflowId, step, input, async ct =>
        {
            var hash = Ids.Sha256Hex(input.Card.Sql);
            var plan = await _queries.PlanAsync(input.TenantId, input.ConnectionId, input.Card.Sql, ct);
            var tables = plan.Tables.Select(t => t.CatalogKey ?? t.Path).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (plan.Status != QueryPlanStatus.Ready)
            {
                var reason = plan.Status == QueryPlanStatus.ApprovalRequired
                    ? "It needs approval to run: " + string.Join("; ", plan.Reasons)
                    : string.Join("; ", plan.Reasons);
                return Refused(input, hash, tables, reason);
            }

            QueryOutcome outcome;
            try
            {
                outcome = await _queries.RunAsync(plan, $"{input.WorkflowId}-{input.DashboardKey}-{input.Card.Key}", showPii: false, input.WorkflowId, ct);
            }
            catch (QueryBlockedException blocked)
            {
                return Refused(input, hash, tables, string.Join("; ", blocked.Reasons));
            }

            var columns = outcome.Columns.Select(c => c.Name).ToList();
            var rows = outcome.Rows.Take(MaxRows)
                .Select(r => (IReadOnlyList<JsonNode?>)columns.Select(c => r.TryGetValue(c, out var v) ? JsonSerializer.SerializeToNode(v, AutopilotJson.Options) : null).ToList())
                .ToList();
            return new CardResult(input.DashboardKey, input.Card, rows.Count == 0 ? CardStatus.Empty : CardStatus.Ok, null, plan.Sql, hash, tables,
                columns, rows, outcome.ActualBytes, outcome.Truncated || outcome.Rows.Count > MaxRows);
        }, CancellationToken.None);
    }

    private static CardResult Refused(CardRunInput input, string hash, IReadOnlyList<string> tables, string reason) =>
        new(input.DashboardKey, input.Card, CardStatus.Refused, reason, null, hash, tables, [], [], 0, false);
}
