using System.Diagnostics;
using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Telemetry;

/// <summary>
/// A warehouse whose calls are spans (<c>warehouse.execute</c>, <c>warehouse.dry_run</c>, …; client kind, the
/// connector as <c>db.system</c>, the workflow and row count as attributes). The SQL text is not recorded: it may carry
/// literal values from a question, and a trace backend is not where the data's PII review applies.
/// </summary>
public sealed class TracedWarehouse : IWarehouse
{
    private readonly IWarehouse _inner;

    public TracedWarehouse(IWarehouse inner) => _inner = inner;

    public string Kind => _inner.Kind;

    public Sql.SqlDialect Dialect => _inner.Dialect;

    public bool IsLive => _inner.IsLive;

    public Task<WarehouseSchema> IntrospectAsync(CancellationToken ct) => TraceAsync("introspect", null, () => _inner.IntrospectAsync(ct));

    public Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct) =>
        TraceAsync("profile_table", null, () => _inner.ProfileTableAsync(table, options, ct));

    public Task<bool> PingAsync(CancellationToken ct) => TraceAsync("ping", null, () => _inner.PingAsync(ct));

    public Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct) =>
        TraceAsync("dry_run", context, () => _inner.DryRunAsync(sql, context, ct));

    public async Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct)
    {
        using var span = Start("execute", context);
        try
        {
            var result = await _inner.ExecuteAsync(sql, context, ct);
            span?.SetTag("db.response.returned_rows", result.Rows.Count);
            return result;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private async Task<T> TraceAsync<T>(string operation, QueryContext? context, Func<Task<T>> call)
    {
        using var span = Start(operation, context);
        try
        {
            return await call();
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private Activity? Start(string operation, QueryContext? context)
    {
        var span = AutopilotTelemetry.Source.StartActivity("warehouse." + operation, ActivityKind.Client);
        if (span is null)
        {
            return null;
        }

        span.SetTag("db.system", _inner.Kind);
        span.SetTag("db.operation.name", operation);
        if (context is not null)
        {
            span.SetTag("autopilot.tenant", context.TenantId);
            span.SetTag("autopilot.workflow_id", context.WorkflowId);
        }

        return span;
    }
}
