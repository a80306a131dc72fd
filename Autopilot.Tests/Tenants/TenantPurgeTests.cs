using System.Text.Json.Nodes;
using Autopilot.Core.Artifacts;
using Autopilot.Tests.Infrastructure;
using Autopilot.Tests.Workflows;

namespace Autopilot.Tests.Tenants;

/// <summary>Tenant purge over a real server (spec §9, PURGE-1..9 with §31's fixes).</summary>
[Collection(SecondProcessCollection.Name)]
public sealed class TenantPurgeTests : IClassFixture<WorkflowServerFixture>
{
    /// <summary>Stores the preview counts and the purge deletes alike (the audit trail, cache and engine change in between).</summary>
    private static readonly string[] StableStores =
    [
        "workflow_steps", "alerts", "alert_index_rows", "workflow_runs", "workflow_run_index_rows", "feedback", "artifact_versions", "artifacts",
        "catalog_columns", "catalog_tables", "connections", "connected_tenants", "tenant_settings", "tenant_rows",
    ];

    private readonly WorkflowServerFixture _fixture;

    public TenantPurgeTests(WorkflowServerFixture fixture) => _fixture = fixture;

    private HttpClient Http => _fixture.Http;

    [Fact]
    public async Task A_purged_tenant_leaves_nothing_in_any_table_but_pseudonymised_audit_rows_and_other_tenants_keep_theirs()
    {
        var tenant = "org_pg_" + Guid.NewGuid().ToString("N")[..10];
        var other = "org_keep_" + Guid.NewGuid().ToString("N")[..10];
        await UseEverythingAsync(tenant);
        await UseEverythingAsync(other);

        var (previewStatus, preview) = await Http.SendAsync(HttpMethod.Get, $"api/v1/tenants/purge/preview?org_id={tenant}", tenant, "admin");
        Assert.Equal(200, previewStatus);
        Assert.True(preview!["tenant_exists"]!.GetValue<bool>());
        var counts = preview["counts"]!.AsObject();
        foreach (var store in StableStores.Append("engine_instances").Append("audit_rows_identifying"))
        {
            Assert.True(counts[store]!.GetValue<long>() > 0, $"preview counted no {store} for a tenant that used everything");
        }

        Assert.Equal(0, counts["users"]!.GetValue<long>());

        var (status, purged) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "admin", Body(tenant, "true"));

        Assert.Equal(200, status);
        Assert.Equal("purged", purged!["status"]!.GetValue<string>());
        Assert.Equal(tenant, purged["tenant_id"]!.GetValue<string>());
        var deleted = purged["deleted"]!.AsObject();
        foreach (var store in StableStores)
        {
            Assert.Equal(counts[store]!.GetValue<long>(), deleted[store]!.GetValue<long>());
        }

        Assert.True(deleted["engine_instances"]!.GetValue<long>() > 0);
        Assert.All(purged["verification"]!.AsObject(), v => Assert.Equal(0, v.Value!.GetValue<long>()));
        Assert.True(purged["audit_rows_retained"]!.GetValue<long>() > counts["audit_rows_identifying"]!.GetValue<long>()); // + tenant_purge_executed

        // Every table of the hub, read directly: no row names the tenant — the engine's instances and history included.
        Assert.Empty(await TenantFootprint.FindAsync(_fixture.Server.TaskHub, tenant));
        var pseudonym = purged["pseudonym"]!.GetValue<string>();
        var executed = Assert.Single(await _fixture.Storage.Audit.ListAsync(pseudonym, "tenant_purge_executed", 10, CancellationToken.None));
        Assert.Equal(pseudonym, executed.TenantId);
        Assert.Equal(pseudonym, executed.Payload["tenant_id"]!.GetValue<string>());
        Assert.True(executed.Payload["preview_counts"]!["catalog_tables"]!.GetValue<long>() > 0);
        var kept = await _fixture.Storage.Audit.ListAsync(pseudonym, null, 10_000, CancellationToken.None);
        Assert.InRange(kept.Count, 2, purged["audit_rows_retained"]!.GetValue<long>()); // the retained count includes idempotency markers
        Assert.Contains(kept, e => e.EventType == "tester_org_setup" && e.Payload["org_id"]!.GetValue<string>() == pseudonym);

        // The other tenant is whole.
        Assert.NotEmpty(await TenantFootprint.FindAsync(_fixture.Server.TaskHub, other));
        var (otherPreviewStatus, otherPreview) = await Http.SendAsync(HttpMethod.Get, $"api/v1/tenants/purge/preview?org_id={other}", other, "admin");
        Assert.Equal(200, otherPreviewStatus);
        foreach (var store in StableStores)
        {
            Assert.True(otherPreview!["counts"]![store]!.GetValue<long>() > 0, $"the other tenant lost its {store}");
        }

        // Purged is not blocked: the tenant can start again from nothing.
        var (again, afresh) = await Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", "{}");
        Assert.Equal(200, again);
        Assert.False(afresh!["tenant_exists"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("\"false\"")]
    [InlineData("1")]
    [InlineData("false")]
    [InlineData(null)]
    public async Task Purge_needs_confirm_to_be_the_json_boolean_true(string? confirm)
    {
        var tenant = "org_pgc_" + Guid.NewGuid().ToString("N")[..10];
        var (connected, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/connectors/bigquery", tenant, "admin", new JsonObject { ["org_id"] = tenant }.ToJsonString());
        Assert.Equal(200, connected);

        var (status, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "admin", Body(tenant, confirm));

        Assert.Equal(400, status);
        Assert.Equal("confirm=true is required for purge execution", body!["detail"]!.GetValue<string>());
        Assert.NotEmpty(await TenantFootprint.FindAsync(_fixture.Server.TaskHub, tenant));
    }

    [Fact]
    public async Task Purge_is_admin_only_and_a_tenant_without_a_record_is_not_found()
    {
        var tenant = "org_pgn_" + Guid.NewGuid().ToString("N")[..10];
        var (member, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "member", Body(tenant, "true"));
        var (memberPreview, _) = await Http.SendAsync(HttpMethod.Get, $"api/v1/tenants/purge/preview?org_id={tenant}", tenant, "member");
        var (missing, body) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "admin", Body(tenant, "true"));
        var (previewStatus, preview) = await Http.SendAsync(HttpMethod.Get, $"api/v1/tenants/purge/preview?org_id={tenant}", tenant, "admin");

        Assert.Equal(403, member);
        Assert.Equal(403, memberPreview);
        Assert.Equal(404, missing);
        Assert.Equal("tenant not found", body!["detail"]!.GetValue<string>());
        Assert.Equal(200, previewStatus);
        Assert.False(preview!["tenant_exists"]!.GetValue<bool>());
        Assert.Equal(0, preview["counts"]!["tenant_rows"]!.GetValue<long>());
    }

    [Fact]
    public async Task Purge_is_refused_while_workflows_run_unless_forced_which_cancels_them_first()
    {
        var tenant = "org_pgf_" + Guid.NewGuid().ToString("N")[..10];
        var (started, run) = await FaultTests.StartAsync(Http, tenant, FaultTests.Body(steps: 2, delayMs: 60_000), waitSeconds: 0);
        Assert.Equal(202, started);
        var workflowId = run!["workflow_id"]!.GetValue<string>();

        var (blocked, refusal) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "admin", Body(tenant, "true"));

        Assert.Equal(409, blocked);
        var detail = refusal!["detail"]!;
        Assert.Equal("blocked_active_workflows", detail["status"]!.GetValue<string>());
        Assert.Equal(tenant, detail["tenant_id"]!.GetValue<string>());
        Assert.Equal(1, detail["active_workflows"]!.GetValue<int>());

        var (forced, purged) = await Http.SendAsync(HttpMethod.Post, "api/v1/tenants/purge", tenant, "admin", Body(tenant, "true", force: true));

        Assert.Equal(200, forced);
        Assert.Equal("purged", purged!["status"]!.GetValue<string>());
        Assert.True(purged["deleted"]!["workflow_runs"]!.GetValue<long>() >= 1);
        Assert.Null(await _fixture.Storage.Runs.GetAsync(tenant, workflowId, CancellationToken.None));
        Assert.Empty(await TenantFootprint.FindAsync(_fixture.Server.TaskHub, tenant));
    }

    internal static string Body(string tenant, string? confirm, bool force = false)
    {
        var body = new JsonObject { ["org_id"] = tenant, ["force"] = force };
        if (confirm is not null)
        {
            body["confirm"] = JsonNode.Parse(confirm);
        }

        return body.ToJsonString();
    }

    /// <summary>Onboarding, a dashboard build, feedback, an alert and its policy: rows in every feature's store.</summary>
    private async Task UseEverythingAsync(string tenant)
    {
        var (setup, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/admin/setup-tester-org", tenant, "admin", "{}");
        Assert.Equal(200, setup);
        var (dashboard, built) = await Http.SendAsync(HttpMethod.Post, $"api/v1/workflows/dashboard?org_id={tenant}", tenant, "member");
        Assert.Equal(200, dashboard);
        Assert.NotNull(built);
        var artifact = (await _fixture.Storage.Artifacts.ListAsync(tenant, ArtifactTypes.Dashboard, CancellationToken.None))[0];
        var (feedback, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/feedback", tenant, "member", new JsonObject
        {
            ["tenant_id"] = tenant, ["user_id"] = "u1", ["artifact_id"] = artifact.ArtifactId, ["artifact_version"] = artifact.Version,
            ["artifact_type"] = "dashboard", ["feedback_type"] = "negative", ["comment"] = "numbers look off",
        }.ToJsonString());
        Assert.Equal(200, feedback);
        var (alert, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/alerts", tenant, "member", new JsonObject
        {
            ["org_id"] = tenant, ["dedupe_key"] = "k1", ["title"] = "Orders dropped", ["message"] = "Orders fell 40 %", ["severity"] = "P1",
        }.ToJsonString());
        Assert.Equal(200, alert);
        var (policy, _) = await Http.SendAsync(HttpMethod.Post, "api/v1/alerts/policy", tenant, "admin", new JsonObject { ["org_id"] = tenant, ["policy"] = new JsonObject { ["P1"] = 5 } }.ToJsonString());
        Assert.Equal(200, policy);
    }
}
