using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Agent;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Tests.Agent;

/// <summary>
/// Each stage's failure path through the real orchestration on the real engine (in-process, Azurite): a planner whose
/// plans the validator rejects (replan, then VALIDATION_FAILED), a replan that succeeds, the critic blocking, and the
/// executor failing with a terminal class.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class AgentStageFailureTests : IAsyncLifetime
{
    private readonly ScriptedPlanner _planner = new();
    private readonly FaultyWarehouse _warehouse = new(new DuckDbWarehouse(SharedDemoWarehouse.Path, TimeProvider.System));
    private InProcessEngine _engine = null!;

    private DurableTaskClient Client => _engine.Client;

    public async Task InitializeAsync()
    {
        _engine = await InProcessEngine.StartAsync("agfail", configure: services =>
        {
            services.AddSingleton<IWarehouse>(_warehouse);
            services.AddSingleton<IQuestionPlanner>(_planner); // after the deterministic planner: asked only when that one has no plan
        });

        // The run plans over a profiled catalog.
        var catalog = new StorageFactory(_engine.Hub).Catalog;
        var schema = await _warehouse.IntrospectAsync(CancellationToken.None);
        var profiles = new List<TableProfile>();
        foreach (var table in schema.Tables)
        {
            profiles.Add(await _warehouse.ProfileTableAsync(table, new ProfileOptions(true), CancellationToken.None));
        }

        await catalog.ReplaceAsync(Tenant, "conn_" + Tenant,
            schema.Tables.Select(t => new Autopilot.Core.Catalog.CatalogTable("conn_" + Tenant, t.Dataset, t.Name, t.RowCount, t.Bytes, t.PartitionColumn, t.PartitionColumn, null, null, [], TimeProvider.System.GetUtcNow())).ToList(),
            [
                .. profiles.SelectMany(p => p.Columns.Select(c => new Autopilot.Core.Catalog.CatalogColumn("conn_" + Tenant, p.Dataset, p.Table, c.Name, c.DataType, c.NullPct, c.DistinctCount, c.Min, c.Max, null, 0, false, null))),
                // A column the catalog still lists but the warehouse dropped since the profile.
                new Autopilot.Core.Catalog.CatalogColumn("conn_" + Tenant, "analytics", "config", GhostColumn, "STRING", 0, 1, null, null, null, 0, false, null),
            ],
            CancellationToken.None);

        // The dimension-value lookup runs its queries once per profile; done here so the tests count only the plans' queries.
        await _engine.Services.GetRequiredService<AgentCatalogLoader>().LoadAsync(Tenant, CancellationToken.None);
    }

    private const string Tenant = "org_stage";
    private const string GhostColumn = "retired_flag";

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_plan_the_validator_rejects_twice_ends_as_validation_failed_and_nothing_runs()
    {
        _planner.Next("SELECT secret_column FROM analytics.nowhere", "SELECT made_up FROM analytics.orders");
        var before = _warehouse.Executions;
        var answer = await RunAsync("scripted: hallucinate");

        Assert.Equal("error", answer["response_type"]!.GetValue<string>());
        Assert.Equal("Plan validation failed", answer["summary"]!.GetValue<string>());
        Assert.Contains(answer["data"]!["errors"]!.AsArray(), e => e!.GetValue<string>().Contains("made_up", StringComparison.Ordinal));
        Assert.Equal(before, _warehouse.Executions);
    }

    [Fact]
    public async Task A_replan_with_the_errors_can_recover()
    {
        _planner.Next("SELECT made_up FROM analytics.orders", "SELECT COUNT(*) AS n FROM analytics.config");
        var answer = await RunAsync("scripted: recover");

        Assert.Equal("query_result", answer["response_type"]!.GetValue<string>());
        Assert.Equal(25, answer["data"]!["rows"]![0]!["n"]!.GetValue<long>());
        Assert.Single(_planner.ErrorsSeen, e => e.Count > 0);
    }

    [Fact]
    public async Task The_critic_blocks_a_query_the_gate_refuses_with_the_seed_gate_shape()
    {
        _planner.Next("SELECT COUNT(*) AS n FROM analytics.config WHERE key IN (SELECT key FROM (SELECT key FROM (SELECT key FROM (SELECT key FROM analytics.config))))");
        var answer = await RunAsync("scripted: too deep");

        Assert.Equal("blocked", answer["response_type"]!.GetValue<string>());
        Assert.Equal("Query blocked by safety/cost gates", answer["summary"]!.GetValue<string>());
        Assert.Equal("revise_query", answer["data"]!["gate"]!["next_action"]!.GetValue<string>());
        Assert.False(answer["data"]!["gate"]!["approval_required"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_query_the_warehouse_refuses_is_blocked_with_the_reason_naming_the_missing_column()
    {
        _planner.Next($"SELECT COUNT(*) AS n FROM analytics.config WHERE {GhostColumn} IS NOT NULL");
        var before = _warehouse.Executions;
        var answer = await RunAsync("scripted: ghost");

        Assert.Equal("blocked", answer["response_type"]!.GetValue<string>());
        Assert.Contains($"The warehouse has no column named {GhostColumn}", answer["data"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("revise_query", answer["data"]!["gate"]!["next_action"]!.GetValue<string>());
        Assert.Equal(before, _warehouse.Executions);
    }

    [Fact]
    public async Task An_executor_failing_with_a_terminal_class_is_a_partial_failure_without_retries()
    {
        _warehouse.FailExecutionWith = FailureClass.PermissionDenied;
        _planner.Next("SELECT COUNT(*) AS n FROM analytics.config WHERE key IS NOT NULL");
        var failedBefore = _warehouse.FailedExecutions;
        var answer = await RunAsync("scripted: denied");
        _warehouse.FailExecutionWith = null;

        Assert.Equal("partial_failure", answer["response_type"]!.GetValue<string>());
        Assert.StartsWith("Step failed: PERMISSION_DENIED", answer["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("execute_query", "PERMISSION_DENIED"), (answer["data"]!["step"]!.GetValue<string>(), answer["data"]!["failure_class"]!.GetValue<string>()));
        Assert.Equal(failedBefore + 1, _warehouse.FailedExecutions); // a terminal class is not retried
    }

    private async Task<JsonNode> RunAsync(string message)
    {
        var runId = "run_" + Guid.NewGuid().ToString("N")[..12];
        // What POST /agent/run does before it starts the orchestration: admit the run and record it.
        var services = _engine.Services;
        var limits = await services.GetRequiredService<AdmissionPolicy>().LimitsForAsync(Tenant, CancellationToken.None);
        var decision = await services.GetRequiredService<AdmissionStore>().AcquireAsync(Tenant, runId, 1, WorkflowTypes.Agent, limits, queueReason: null, CancellationToken.None);
        Assert.True(decision.Admitted);
        await services.GetRequiredService<WorkflowRunStore>().CreateAsync(new WorkflowRun(runId, Tenant, WorkflowTypes.Agent,
            WorkflowStatus.Running, TimeProvider.System.GetUtcNow(), null, "conn_" + Tenant, null, AdmittedAt: TimeProvider.System.GetUtcNow()), CancellationToken.None);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(AgentRunOrchestration),
            new AgentRunInput(Tenant, runId, "u", "s", message, "conn_" + Tenant, TimeSpan.FromMinutes(5)), new StartOrchestrationOptions(runId));
        var done = await Client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token);
        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.SerializedOutput}");
        return done.ReadOutputAs<JsonObject>()!;
    }

    /// <summary>A planner that returns the scripted SQL, one per call, and remembers the errors it was given.</summary>
    private sealed class ScriptedPlanner : IQuestionPlanner
    {
        private readonly Queue<string> _sql = new();

        public List<IReadOnlyList<string>> ErrorsSeen { get; } = [];

        public void Next(params string[] sql)
        {
            _sql.Clear();
            ErrorsSeen.Clear();
            foreach (var s in sql)
            {
                _sql.Enqueue(s);
            }
        }

        public Task<AgentPlan?> PlanAsync(string question, AgentCatalog catalog, IReadOnlyList<string> previousErrors, CancellationToken cancellation)
        {
            ErrorsSeen.Add(previousErrors);
            return Task.FromResult(question.StartsWith("scripted:", StringComparison.Ordinal) && _sql.TryDequeue(out var sql)
                ? new AgentPlan("scripted", [new PlanStep("s1", "execute_query", sql, "scripted step")], [], [], ResultShape.Scalar, "scripted")
                {
                    // Every planner says how it read each word; this one claims the whole scripted message.
                    Reading = new PlanReading(question, "config", "COUNT", [], null, [],
                        question.Split([' ', ':'], StringSplitOptions.RemoveEmptyEntries).Select(w => new PlanWord(w, PlanElement.Measure)).ToList(), "scripted"),
                }
                : null);
        }
    }

    /// <summary>The demo warehouse with an injectable execution failure; counts executions.</summary>
    private sealed class FaultyWarehouse(IWarehouse inner) : IWarehouse
    {
        private int _executions;
        private int _failed;

        public FailureClass? FailExecutionWith { get; set; }

        public int Executions => _executions;

        public int FailedExecutions => _failed;

        public string Kind => inner.Kind;

        public bool IsLive => inner.IsLive;

        public Task<WarehouseSchema> IntrospectAsync(CancellationToken ct) => inner.IntrospectAsync(ct);

        public Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct) => inner.ProfileTableAsync(table, options, ct);

        public Task<bool> PingAsync(CancellationToken ct) => inner.PingAsync(ct);

        public Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct) => inner.DryRunAsync(sql, context, ct);

        public Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct)
        {
            Interlocked.Increment(ref _executions);
            if (FailExecutionWith is { } failure)
            {
                Interlocked.Increment(ref _failed);
                throw new WorkflowStepException(failure, "injected by the test");
            }

            return inner.ExecuteAsync(sql, context, ct);
        }
    }
}
