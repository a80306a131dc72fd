using System.Globalization;
using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Workflows;

/// <summary>
/// Every list route pages with <c>limit</c> + <c>cursor</c> (issue 8 §5.4): a walk sees every item exactly once, runs
/// and dead letters newest first, the queue in position order; bad paging input answers 422.
/// </summary>
public sealed class ListPagingTests : IClassFixture<WorkflowServerFixture>
{
    private static readonly string[] ListRoutes = [RouteNames.ListWorkflowRuns, RouteNames.WorkflowQueue, RouteNames.DeadLetters];
    private readonly WorkflowServerFixture _fixture;

    public ListPagingTests(WorkflowServerFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> BadPaging()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in RouteTable.All.Where(r => ListRoutes.Contains(r.Name)))
        {
            foreach (var query in new[] { "limit=0", "limit=201", "limit=-1", "limit=abc", "limit=1.5", "limit=", "cursor=not-a-cursor", "cursor=eyJUIjoiIiwiTyI6MH0" })
            {
                data.Add(route.Template, query);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadPaging))]
    public async Task Bad_limit_or_cursor_answers_422(string template, string query)
    {
        var tenant = FaultTests.NewTenant("page422");
        var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Get, $"{template}?org_id={tenant}&{query}", tenant, "member");

        Assert.Equal(422, status);
        Assert.NotNull(body!["detail"]);
    }

    [Fact]
    public async Task Runs_walk_newest_first_over_http_each_exactly_once()
    {
        var tenant = FaultTests.NewTenant("pageruns");
        var start = DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture);
        var ids = Enumerable.Range(0, 7).Select(i => $"wf_page{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await _fixture.Storage.Runs.CreateAsync(new WorkflowRun(id, tenant, WorkflowTypes.Profile, WorkflowStatus.Success, start.AddMinutes(i), start.AddMinutes(i + 1), null, null), CancellationToken.None);
        }

        var (pages, seen) = await WalkAsync($"api/v1/workflows/runs?org_id={tenant}&limit=3", tenant, item => item["workflow_id"]!.GetValue<string>());

        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Queue_walks_in_position_order_over_http_with_positions_continuing_across_pages()
    {
        var tenant = FaultTests.NewTenant("pagequeue");
        var admission = new AdmissionStore(_fixture.Storage.Tables, new PendingWorkIndex(_fixture.Storage.Tables, TimeProvider.System), TimeProvider.System);
        var limits = new AdmissionLimits(3, 2);

        // Three slots taken by runs without orchestrations: the server's sweep reclaims them only after a 15 s grace,
        // so for this walk the queue stays as written.
        foreach (var blocker in new[] { "wf_block0", "wf_block1", "wf_block2" })
        {
            Assert.True((await admission.AcquireAsync(tenant, blocker, 1, WorkflowTypes.FaultTest, limits, null, CancellationToken.None)).Admitted);
        }

        var ids = Enumerable.Range(0, 5).Select(i => $"wf_queue{i}").ToList();
        foreach (var id in ids)
        {
            await admission.AcquireAsync(tenant, id, 1, WorkflowTypes.FaultTest, limits, queueReason: null, CancellationToken.None);
        }

        var positions = new List<int>();
        var (_, seen) = await WalkAsync($"api/v1/workflows/queue?org_id={tenant}&limit=2", tenant, item =>
        {
            positions.Add(item["position"]!.GetValue<int>());
            return item["workflow_id"]!.GetValue<string>();
        });
        var (_, first) = await _fixture.Http.SendAsync(HttpMethod.Get, $"api/v1/workflows/queue?org_id={tenant}&limit=2", tenant, "member");

        Assert.Equal(ids, seen);
        Assert.Equal(Enumerable.Range(1, 5), positions);
        Assert.Equal(5, first!["queued_total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Dead_letters_page_newest_first_and_a_date_range_is_a_key_range()
    {
        var tenant = FaultTests.NewTenant("pagedead");
        var store = new DeadLetterStore(_fixture.Storage.Tables);
        var start = DateTimeOffset.Parse("2026-02-01T00:00:00Z", CultureInfo.InvariantCulture);
        var ids = Enumerable.Range(0, 6).Select(i => $"wf_dead{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await store.AddAsync(new DeadLetter("dl_" + id, tenant, id, WorkflowTypes.Profile, null, "TIMEOUT", "hash", [], [], WorkflowStatus.DeadLetter, start.AddDays(i), null), CancellationToken.None);
        }

        var (pages, seen) = await WalkAsync($"api/v1/workflows/dead-letters?org_id={tenant}&limit=4", tenant, item => item["workflow_id"]!.GetValue<string>());
        var ranged = await WalkStoreAsync(store, tenant, start.AddDays(1), start.AddDays(4));

        Assert.Equal(Enumerable.Reverse(ids), seen);
        Assert.Equal(2, pages);
        Assert.Equal(new[] { "wf_dead3", "wf_dead2", "wf_dead1" }, ranged);
    }

    private static async Task<List<string>> WalkStoreAsync(DeadLetterStore store, string tenant, DateTimeOffset from, DateTimeOffset to)
    {
        var seen = new List<string>();
        var page = PageQuery.First(1);
        for (var i = 0; i < 20; i++)
        {
            var result = await store.ListPageAsync(tenant, from, to, page, CancellationToken.None);
            seen.AddRange(result.Items.Select(l => l.WorkflowId));
            if (result.NextCursor is null)
            {
                break;
            }

            page = new PageQuery(1, PageCursor.TryDecode(result.NextCursor));
        }

        return seen;
    }

    /// <summary>Follows <c>next_cursor</c> to the end; returns how many pages held items and the items' keys in order.</summary>
    private async Task<(int Pages, List<string> Seen)> WalkAsync(string firstPath, string tenant, Func<JsonNode, string> key)
    {
        var seen = new List<string>();
        var pages = 0;
        var path = firstPath;
        for (var i = 0; i < 50; i++)
        {
            var (status, body) = await _fixture.Http.SendAsync(HttpMethod.Get, path, tenant, "member");
            Assert.Equal(200, status);
            var items = body!["items"]!.AsArray();
            pages += items.Count > 0 ? 1 : 0;
            seen.AddRange(items.Select(item => key(item!)));
            if (body["next_cursor"]?.GetValue<string>() is not { } cursor)
            {
                return (pages, seen);
            }

            path = firstPath + "&cursor=" + Uri.EscapeDataString(cursor);
        }

        throw new InvalidOperationException("paging did not end");
    }
}
