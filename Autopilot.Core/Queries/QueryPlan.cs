using Autopilot.Core.Costs;
using Autopilot.Core.Sql;

namespace Autopilot.Core.Queries;

/// <summary>
/// What the one query path decided before running anything: blocked (with reasons), approval required, or ready —
/// with the rewritten SQL, the dry-run estimate and its price.
/// </summary>
public sealed record QueryPlan(
    string TenantId,
    string ConnectionId,
    QueryPlanStatus Status,
    string? Sql,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> RuleIds,
    long EstimatedBytes,
    double EstimatedCostUsd,
    BudgetDecision? Budget,
    IReadOnlyList<SqlTableReference> Tables);
