using Autopilot.Core.Alerts;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Memos;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Memos;

/// <summary>
/// A memo whose KPI queries the warehouse refuses (a terminal class, so not retried) ends as a partial failure naming the
/// KPI stage, with a retry action and the P1 alert — no artifact, no data-quality alerts, and no 500.
/// </summary>
[Collection(SecondProcessCollection.Name)]
public sealed class MemoStageFailureTests : IAsyncLifetime
{
    private readonly KpiFailingWarehouse _warehouse = new(new DuckDbWarehouse(SharedDemoWarehouse.Path, TimeProvider.System));
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync("memofail", configure: services => services.AddSingleton<IWarehouse>(_warehouse));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_failing_kpi_stage_is_a_partial_failure_with_a_retry_action()
    {
        var tenant = "org_memofail" + Guid.NewGuid().ToString("N")[..8];

        var (workflowId, body) = await MemoRuns.RunAsync(_engine, tenant, SharedDemoWarehouse.Today);

        Assert.Equal(WorkflowStatus.PartialFailure, body["workflow_status"]!.GetValue<string>());
        Assert.Equal(workflowId, body["workflow_id"]!.GetValue<string>());
        Assert.Equal(MemoSteps.RunKpis, body["failed_step"]!["step"]!.GetValue<string>());
        Assert.Equal("PERMISSION_DENIED", body["failed_step"]!["failure_class"]!.GetValue<string>());
        Assert.Contains("injected by the test", body["failed_step"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["retry"], body["available_actions"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
        Assert.Contains(body["completed_steps"]!.AsArray(), s => s!["step"]!.GetValue<string>() == MemoSteps.FixWindows);
        Assert.Empty(await _engine.Services.GetRequiredService<ArtifactStore>().ListAsync(tenant, ArtifactTypes.Memo, CancellationToken.None));
        var alerts = await _engine.Services.GetRequiredService<AlertStore>().ListAsync(tenant, null, CancellationToken.None);
        var alert = Assert.Single(alerts);
        Assert.Equal(($"workflow_partial_failure:memo:{MemoSteps.RunKpis}", "P1"), (alert.DedupeKey, alert.Severity));
    }

    /// <summary>The demo warehouse refusing the memo's KPI queries (those comparing windows), as a warehouse without the grant would.</summary>
    private sealed class KpiFailingWarehouse(IWarehouse inner) : IWarehouse
    {
        public string Kind => inner.Kind;

        public bool IsLive => inner.IsLive;

        public Task<WarehouseSchema> IntrospectAsync(CancellationToken ct) => inner.IntrospectAsync(ct);

        public Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct) => inner.ProfileTableAsync(table, options, ct);

        public Task<bool> PingAsync(CancellationToken ct) => inner.PingAsync(ct);

        public Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct) => inner.DryRunAsync(sql, context, ct);

        public Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct) =>
            sql.Contains("current_value", StringComparison.Ordinal)
                ? throw new WorkflowStepException(FailureClass.PermissionDenied, "injected by the test")
                : inner.ExecuteAsync(sql, context, ct);
    }
}
