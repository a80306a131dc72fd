using Autopilot.Core.Audit;
using Autopilot.Core.Caching;
using Autopilot.Core.Catalog;
using Autopilot.Core.Costs;
using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Queries;

/// <summary>
/// The one path every query takes, whoever asks (preview, agent, dashboards, memos): SQL gate (audited as
/// <c>security_gate_decision</c>) → live-execution switch → warehouse dry run → cost gate; then, to run: cache →
/// budget reservation → execution → reconciliation with actual bytes → PII redaction.
/// </summary>
public sealed class QueryPath
{
    public const string RealExecutionDisabled = "Real query execution is disabled (ALLOW_REAL_QUERY_EXECUTION=false)";

    /// <summary>Rule id of a query the warehouse refused at its dry run (a table, column or function it does not have).</summary>
    public const string WarehouseRejectedRule = "warehouse_rejected";

    private readonly WarehouseResolver _warehouses;
    private readonly CatalogStore _catalog;
    private readonly CostGate _costs;
    private readonly CostLimiter _limiter;
    private readonly IAutopilotCache _cache;
    private readonly AuditLog _audit;
    private readonly ServiceOptions _service;
    private readonly QueryOptions _options;
    private readonly Tenants.TenantSettingsStore _tenantSettings;

    public QueryPath(WarehouseResolver warehouses, CatalogStore catalog, CostGate costs, CostLimiter limiter, IAutopilotCache cache, AuditLog audit, ServiceOptions service, QueryOptions options, Tenants.TenantSettingsStore tenantSettings)
    {
        _tenantSettings = tenantSettings;
        _warehouses = warehouses;
        _catalog = catalog;
        _costs = costs;
        _limiter = limiter;
        _cache = cache;
        _audit = audit;
        _service = service;
        _options = options;
    }

    public QueryOptions Options => _options;

    /// <summary>Everything up to (not including) running: gate, switch, dry run, cost. Audits the gate's decision.</summary>
    public async Task<QueryPlan> PlanAsync(string tenantId, string connectionId, string sql, CancellationToken cancellation)
    {
        var warehouse = await _warehouses.ForConnectionAsync(tenantId, connectionId, cancellation);
        var context = new SqlGateContext(await GateOptionsAsync(tenantId, cancellation), await PoliciesAsync(tenantId, connectionId, warehouse, cancellation))
        {
            Dialect = warehouse.Dialect,
        };
        SqlGateDecision gate;
        using (var span = Telemetry.AutopilotTelemetry.Source.StartActivity("sql_gate"))
        {
            gate = SqlGate.Evaluate(sql, context);
            span?.SetTag("autopilot.gate.allowed", gate.Allowed);
            span?.SetTag("autopilot.gate.rule", gate.RuleIds.Count > 0 ? gate.RuleIds[0] : null);
        }

        Telemetry.AutopilotMetrics.GateDecided(gate.Allowed, gate.RuleIds.Count > 0 ? gate.RuleIds[0] : null);
        QueryPlan plan;
        if (!gate.Allowed)
        {
            plan = Blocked(tenantId, connectionId, gate.Reasons, gate.RuleIds, gate.Tables);
        }
        else if (warehouse.IsLive && !_service.AllowRealQueryExecution)
        {
            // Enforced here, for every caller (the seed checked it on one route only, QRY-14).
            plan = Blocked(tenantId, connectionId, [RealExecutionDisabled], ["real_execution_disabled"], gate.Tables);
        }
        else
        {
            var (dry, rejection) = await WarehouseDryRunAsync(warehouse, tenantId, gate.RewrittenSql!, cancellation);
            plan = dry is null
                // The warehouse does not know a table, column or function the query names: a refusal with that reason.
                ? Blocked(tenantId, connectionId, [rejection!], [WarehouseRejectedRule], gate.Tables)
                : await CostPlanAsync(tenantId, connectionId, gate, dry, cancellation);
        }

        await _audit.AppendAsync(tenantId, "security_gate_decision", new
        {
            allowed = plan.Status != QueryPlanStatus.Blocked,
            reasons = plan.Reasons,
            rule_ids = plan.RuleIds,
            rewritten_sql = gate.RewrittenSql,
            gate_meta = new
            {
                approval_required = plan.Status == QueryPlanStatus.ApprovalRequired,
                estimated_bytes = plan.EstimatedBytes,
                estimated_cost_usd = Math.Round(plan.EstimatedCostUsd, 4),
            },
        }, cancellation);
        return plan;
    }

    /// <summary>The gate's limits for a tenant: the service's, with the tenant's own overrides.</summary>
    public async Task<SqlGateOptions> GateOptionsAsync(string tenantId, CancellationToken cancellation) =>
        (await _tenantSettings.GetAsync<TenantQueryLimits>(tenantId, TenantQueryLimits.SettingName, cancellation))?.Apply(_options.Gate) ?? _options.Gate;

    /// <summary>
    /// Runs a ready (or approved) plan once: from the cache when the same SQL ran lately, else with its bytes reserved
    /// in the hourly budget, reconciled with what it actually read.
    /// </summary>
    public async Task<QueryOutcome> RunAsync(QueryPlan plan, string reservationId, bool showPii, string? workflowId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Status == QueryPlanStatus.Blocked || plan.Sql is null)
        {
            throw new QueryBlockedException(plan.Reasons);
        }

        var warehouse = await _warehouses.ForConnectionAsync(plan.TenantId, plan.ConnectionId, cancellation);
        var key = CacheKey.Query(plan.TenantId, plan.ConnectionId, plan.Sql);
        var cached = await _cache.GetOrCreateAsync(key, async ct =>
        {
            var budget = await _limiter.ReserveAsync(plan.TenantId, plan.EstimatedBytes, reservationId, ct);
            if (!budget.Allowed)
            {
                throw new QueryBlockedException([CostGate.BudgetExceeded]);
            }

            QueryResult result;
            try
            {
                var context = new QueryContext(plan.TenantId, workflowId, _limiter.Options.PerQueryMaxBytesWithApproval, _options.Timeout, _options.Gate.EffectiveMaxLimit);
                result = await warehouse.ExecuteAsync(plan.Sql, context, ct);
            }
            catch
            {
                // It did not run (or its bytes are unknown): the reservation goes.
                await _limiter.ReleaseAsync(plan.TenantId, reservationId, CancellationToken.None);
                throw;
            }

            // It ran: record what it really read, even if the caller has gone meanwhile.
            await _limiter.ReconcileAsync(plan.TenantId, reservationId, result.BytesProcessed, CancellationToken.None);
            return result;
        }, cancellation);

        var result = cached.Value;
        var redacted = showPii ? [] : await PiiColumnsAsync(plan, result, cancellation);
        var rows = redacted.Count == 0
            ? result.Rows
            : result.Rows.Select(row => (IReadOnlyDictionary<string, object?>)row.ToDictionary(
                c => c.Key,
                c => redacted.TryGetValue(c.Key, out var type) && c.Value is not null ? $"[REDACTED:{type}]" : c.Value,
                StringComparer.Ordinal)).ToList();
        return new QueryOutcome(result.Columns, rows, cached.CacheHit ? 0 : result.BytesProcessed, result.Truncated, cached.CacheHit, redacted.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private static QueryPlan Blocked(string tenantId, string connectionId, IReadOnlyList<string> reasons, IReadOnlyList<string> ruleIds, IReadOnlyList<SqlTableReference> tables) =>
        new(tenantId, connectionId, QueryPlanStatus.Blocked, null, reasons, ruleIds, 0, 0, null, tables);

    private async Task<QueryPlan> CostPlanAsync(string tenantId, string connectionId, SqlGateDecision gate, DryRunResult dry, CancellationToken cancellation)
    {
        var cost = await _costs.EvaluateAsync(tenantId, dry.TotalBytesProcessed, reservationId: null, cancellation);
        var status = cost.Outcome switch
        {
            CostGateOutcome.Blocked => QueryPlanStatus.Blocked,
            CostGateOutcome.ApprovalRequired => QueryPlanStatus.ApprovalRequired,
            _ => QueryPlanStatus.Ready,
        };
        var reasons = cost.Reason is null ? gate.Reasons : [.. gate.Reasons, cost.Reason];
        return new QueryPlan(tenantId, connectionId, status, status == QueryPlanStatus.Blocked ? null : gate.RewrittenSql, reasons, gate.RuleIds,
            dry.TotalBytesProcessed, cost.EstimatedCostUsd, cost.Budget, gate.Tables);
    }

    /// <summary>The warehouse's dry run, or the reason it refuses the query (a name it does not know, not a SELECT).</summary>
    private static async Task<(DryRunResult? Dry, string? Rejection)> WarehouseDryRunAsync(IWarehouse warehouse, string tenantId, string sql, CancellationToken cancellation)
    {
        DryRunResult dry;
        try
        {
            dry = await warehouse.DryRunAsync(sql, new QueryContext(tenantId, null, long.MaxValue, TimeSpan.FromSeconds(30), 0), cancellation);
        }
        catch (WorkflowStepException rejected) when (rejected.Failure == FailureClass.ValidationFailed)
        {
            return (null, rejected.Reason);
        }

        // Defence in depth behind the gate: the warehouse itself must see a SELECT.
        return string.Equals(dry.StatementType, "SELECT", StringComparison.OrdinalIgnoreCase)
            ? (dry, null)
            : (null, $"Only SELECT queries are allowed (the warehouse saw {dry.StatementType})");
    }

    /// <summary>Time-filter policies from the tenant's catalog; before a first profile, from (cached) introspection.</summary>
    private async Task<IReadOnlyDictionary<string, SqlTablePolicy>> PoliciesAsync(string tenantId, string connectionId, IWarehouse warehouse, CancellationToken cancellation)
    {
        var tables = (await _catalog.ListTablesAsync(tenantId, cancellation)).Where(t => t.ConnectionId == connectionId).ToList();
        var columns = await _catalog.ListColumnsAsync(tenantId, cancellation);
        var policies = new Dictionary<string, SqlTablePolicy>(StringComparer.OrdinalIgnoreCase);
        if (tables.Count > 0)
        {
            foreach (var table in tables)
            {
                var time = table.PartitionColumn ?? table.TimeColumn;
                var type = columns.FirstOrDefault(c => c.Dataset == table.Dataset && c.Table == table.Table && c.Column == time)?.DataType;
                policies[$"{table.Dataset}.{table.Table}"] = new SqlTablePolicy(time, table.RowCount, table.Bytes, TimeType(type), table.PartitionColumn is not null);
            }

            return policies;
        }

        var schema = await _cache.GetOrCreateAsync(CacheKey.Schema(tenantId, connectionId), warehouse.IntrospectAsync, cancellation);
        foreach (var table in schema.Value.Tables)
        {
            var type = table.Columns.FirstOrDefault(c => c.Name == table.PartitionColumn)?.DataType;
            policies[$"{table.Dataset}.{table.Name}"] = new SqlTablePolicy(table.PartitionColumn, table.RowCount, table.Bytes, TimeType(type), table.PartitionColumn is not null);
        }

        return policies;
    }

    private static SqlTimeColumnType TimeType(string? dataType) => dataType switch
    {
        "DATE" => SqlTimeColumnType.Date,
        "DATETIME" => SqlTimeColumnType.DateTime,
        _ => SqlTimeColumnType.Timestamp,
    };

    /// <summary>Output columns that carry a column tagged as PII (high confidence, or a person said so) of a table the query reads.</summary>
    private async Task<Dictionary<string, string>> PiiColumnsAsync(QueryPlan plan, QueryResult result, CancellationToken cancellation)
    {
        var read = plan.Tables.Select(t => t.Table).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pii = (await _catalog.ListColumnsAsync(plan.TenantId, cancellation))
            .Where(c => c.IsPii && read.Contains(c.Table))
            .GroupBy(c => c.Column, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().PiiType ?? "pii", StringComparer.OrdinalIgnoreCase);
        if (pii.Count == 0)
        {
            return [];
        }

        // Unparseable here would be a bug (the gate parsed it); then every column is treated as PII.
        var parsed = SqlParser.Parse(plan.Sql!);
        var tainted = parsed.Query is { } query
            ? PiiColumnTracer.TaintedNames(query, pii.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase))
            : result.Columns.ToDictionary(c => c.Name, _ => pii.Keys.First(), StringComparer.OrdinalIgnoreCase);
        return result.Columns
            .Where(c => tainted.ContainsKey(c.Name))
            .ToDictionary(c => c.Name, c => pii[tainted[c.Name]], StringComparer.Ordinal);
    }
}
