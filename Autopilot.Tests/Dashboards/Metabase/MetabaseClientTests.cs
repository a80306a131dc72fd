using System.Text.Json.Nodes;
using Autopilot.Core.Dashboards.Metabase;
using Autopilot.Core.Workflows;

namespace Autopilot.Tests.Dashboards.Metabase;

/// <summary>The real Metabase client against the fake Metabase over loopback: idempotent objects, wire shapes, failure classes.</summary>
public sealed class MetabaseClientTests : IAsyncLifetime
{
    private FakeMetabaseServer _metabase = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _metabase = await FakeMetabaseServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _metabase.DisposeAsync();
    }

    private MetabaseClient Client(string key = FakeMetabaseServer.ApiKey, int? databaseId = null, TimeSpan? timeout = null) =>
        new(_http, new MetabaseOptions(_metabase.BaseUri, key) { DatabaseId = databaseId, CallTimeout = timeout ?? TimeSpan.FromSeconds(15) });

    [Fact]
    public async Task A_valid_key_names_a_user_and_a_wrong_key_is_a_permission_failure_without_the_key_in_the_message()
    {
        Assert.True(await Client().IsKeyValidAsync(CancellationToken.None));

        const string wrongKey = "mb_wrong_key_e8f1";
        var error = await Assert.ThrowsAsync<WorkflowStepException>(() => Client(wrongKey).IsKeyValidAsync(CancellationToken.None));
        Assert.Equal(FailureClass.PermissionDenied, error.Failure);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeMetabaseServer.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_is_the_configured_one_else_the_only_BigQuery_database_else_a_clear_refusal()
    {
        Assert.Equal(FakeMetabaseServer.BigQueryDatabaseId, await Client().ResolveDatabaseIdAsync(CancellationToken.None));
        Assert.Equal(7, await Client(databaseId: 7).ResolveDatabaseIdAsync(CancellationToken.None));

        _metabase.SetDatabases((1, "Sample Database", "h2"));
        var none = await Assert.ThrowsAsync<WorkflowStepException>(() => Client().ResolveDatabaseIdAsync(CancellationToken.None));
        Assert.Equal(FailureClass.ValidationFailed, none.Failure);
        Assert.Contains("METABASE_DATABASE_ID", none.Reason, StringComparison.Ordinal);

        _metabase.SetDatabases((3, "Prod", "bigquery-cloud-sdk"), (4, "Staging", "bigquery-cloud-sdk"));
        var several = await Assert.ThrowsAsync<WorkflowStepException>(() => Client().ResolveDatabaseIdAsync(CancellationToken.None));
        Assert.Contains("3 Prod", several.Reason, StringComparison.Ordinal);
        Assert.Contains("4 Staging", several.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_is_created_once_and_found_again_by_name()
    {
        var first = await Client().EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var second = await Client().EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var other = await Client().EnsureCollectionAsync("Autopilot · globex", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(2, _metabase.Requests.Count(r => r.Method == "POST" && r.Path == "/api/collection"));
    }

    [Fact]
    public async Task A_card_names_its_database_and_collection_and_a_repeated_call_with_its_marker_creates_no_second_card()
    {
        var client = Client();
        var collection = await client.EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var spec = new MetabaseCardSpec("DAU Trend", "SELECT 1 AS dau", "line", "autopilot:acme:build-1:dau_trend");

        var first = await client.EnsureCardAsync(collection, FakeMetabaseServer.BigQueryDatabaseId, spec, CancellationToken.None);
        var again = await client.EnsureCardAsync(collection, FakeMetabaseServer.BigQueryDatabaseId, spec, CancellationToken.None);

        Assert.Equal(first, again);
        var card = Assert.Single(_metabase.Cards);
        Assert.Equal(FakeMetabaseServer.BigQueryDatabaseId, card["dataset_query"]!["database"]!.GetValue<int>());
        Assert.Equal("native", card["dataset_query"]!["type"]!.GetValue<string>());
        Assert.Equal("SELECT 1 AS dau", card["dataset_query"]!["native"]!["query"]!.GetValue<string>());
        Assert.Equal(collection, card["collection_id"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_card_on_a_database_Metabase_does_not_know_is_a_validation_failure_with_Metabases_reason()
    {
        var client = Client();
        var collection = await client.EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var error = await Assert.ThrowsAsync<WorkflowStepException>(() =>
            client.EnsureCardAsync(collection, 999, new MetabaseCardSpec("X", "SELECT 1", "table", "m"), CancellationToken.None));

        Assert.Equal(FailureClass.ValidationFailed, error.Failure);
        Assert.Contains("names no database", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Putting_the_same_layout_twice_leaves_one_set_of_dashcards_at_the_given_positions()
    {
        var client = Client();
        var collection = await client.EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var dashboard = await client.EnsureDashboardAsync(collection, "Exec Overview", "autopilot:acme:exec_overview", CancellationToken.None);
        Assert.Equal(dashboard, await client.EnsureDashboardAsync(collection, "Exec Overview", "autopilot:acme:exec_overview", CancellationToken.None));
        var a = await client.EnsureCardAsync(collection, 2, new MetabaseCardSpec("A", "SELECT 1", "line", "m:a"), CancellationToken.None);
        var b = await client.EnsureCardAsync(collection, 2, new MetabaseCardSpec("B", "SELECT 2", "scalar", "m:b"), CancellationToken.None);
        var parameters = new JsonArray(new JsonObject { ["id"] = "date", ["name"] = "Date", ["slug"] = "date", ["type"] = "date/all-options", ["default"] = "past14days" });
        MetabaseCardPlacement[] layout =
        [
            new(a, 0, 0, 18, 8, new JsonArray(new JsonObject { ["parameter_id"] = "date", ["card_id"] = a, ["target"] = new JsonArray("variable", new JsonArray("template-tag", "date")) })),
            new(b, 8, 0, 9, 4),
        ];

        await client.PutDashboardAsync(dashboard, layout, parameters, CancellationToken.None);
        await client.PutDashboardAsync(dashboard, layout, parameters, CancellationToken.None);

        var read = await client.GetDashboardAsync(dashboard, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(
            [(a, 0, 0, 18, 8), (b, 8, 0, 9, 4)],
            read.Dashcards!.Select(d => (d.CardId, d.Row, d.Col, d.SizeX, d.SizeY)).ToArray());
        Assert.Equal("past14days", read.Parameters![0]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_card_twice_succeeds_and_a_deleted_dashboard_reads_as_absent()
    {
        var client = Client();
        var collection = await client.EnsureCollectionAsync("Autopilot · acme", CancellationToken.None);
        var card = await client.EnsureCardAsync(collection, 2, new MetabaseCardSpec("A", "SELECT 1", "line", "m:a"), CancellationToken.None);
        var dashboard = await client.EnsureDashboardAsync(collection, "Exec Overview", "m:dash", CancellationToken.None);

        await client.DeleteCardAsync(card, CancellationToken.None);
        await client.DeleteCardAsync(card, CancellationToken.None);
        _metabase.DeleteDashboard(dashboard);

        Assert.Empty(_metabase.Cards);
        Assert.Null(await client.GetDashboardAsync(dashboard, CancellationToken.None));
    }

    [Theory]
    [InlineData(500, FailureClass.TransientNetwork)]
    [InlineData(503, FailureClass.TransientNetwork)]
    [InlineData(504, FailureClass.Timeout)]
    [InlineData(429, FailureClass.TransientError)]
    [InlineData(403, FailureClass.PermissionDenied)]
    [InlineData(400, FailureClass.ValidationFailed)]
    public async Task Each_error_status_leaves_with_the_class_the_step_runner_retries_or_not(int status, FailureClass expected)
    {
        _metabase.Fail("GET", "/api/collection", status, body: """{"message":"injected reason"}""");

        var error = await Assert.ThrowsAsync<WorkflowStepException>(() => Client().EnsureCollectionAsync("x", CancellationToken.None));

        Assert.Equal(expected, error.Failure);
        Assert.Contains("injected reason", error.Reason, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_answer_is_a_timeout_and_a_non_JSON_success_is_malformed()
    {
        _metabase.Fail("GET", "/api/database", 0, delay: TimeSpan.FromSeconds(2));
        var slow = await Assert.ThrowsAsync<WorkflowStepException>(() => Client(timeout: TimeSpan.FromMilliseconds(200)).ResolveDatabaseIdAsync(CancellationToken.None));
        Assert.Equal(FailureClass.Timeout, slow.Failure);

        _metabase.Fail("GET", "/api/database", 200, body: "<html>login</html>");
        var malformed = await Assert.ThrowsAsync<WorkflowStepException>(() => Client().ResolveDatabaseIdAsync(CancellationToken.None));
        Assert.Equal(FailureClass.MalformedResponse, malformed.Failure);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation_not_a_timeout()
    {
        _metabase.Fail("GET", "/api/database", 0, delay: TimeSpan.FromSeconds(2));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().ResolveDatabaseIdAsync(cancel.Token));
    }
}
