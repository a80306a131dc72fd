using System.Globalization;
using Autopilot.Core.Admission;
using Autopilot.Core.Api;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Workflows;

/// <summary>The admission rows on Azurite (issue 8 §5.4): finished queue rows go, repeated asks keep their answer, retries are bounded.</summary>
public sealed class AdmissionStoreTests
{
    private static readonly AdmissionLimits OneAtATime = new(1, 1);
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly TableStorage _tables = new(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("admrows") });
    private readonly AdmissionStore _store;
    private readonly PendingWorkIndex _index;

    public AdmissionStoreTests()
    {
        _index = new PendingWorkIndex(_tables, _clock);
        _store = new AdmissionStore(_tables, _index, _clock);
    }

    [Fact]
    public async Task Admitted_and_cancelled_items_leave_no_queue_row_and_asking_again_keeps_the_answer()
    {
        var tenant = "org_rows" + Guid.NewGuid().ToString("N")[..6];
        var first = await AcquireAsync(tenant, "wf_first");
        var second = await AcquireAsync(tenant, "wf_second");
        var third = await AcquireAsync(tenant, "wf_third");
        var cancelled = await _store.CancelQueuedAsync(tenant, "wf_third", CancellationToken.None);
        var admitted = await _store.ReleaseAsync(tenant, "wf_first", OneAtATime, _ => true, CancellationToken.None);
        await _store.ReleaseAsync(tenant, "wf_second", OneAtATime, _ => true, CancellationToken.None);

        Assert.True(first.Admitted);
        Assert.Equal((false, 1), (second.Admitted, second.Position));
        Assert.Equal((false, 2), (third.Admitted, third.Position));
        Assert.Equal(QueueStatus.Cancelled, cancelled!.Status);
        Assert.Equal("wf_second", Assert.Single(admitted).WorkflowId);
        Assert.Empty(await QueueRowsAsync(tenant));
        Assert.Empty(await _store.ListQueuedAsync(tenant, CancellationToken.None));
        Assert.False(await _store.HasPendingWorkAsync(tenant, CancellationToken.None));

        // At-least-once activities ask again after the rows went: same answer, nothing queued twice.
        var again = await AcquireAsync(tenant, "wf_second");
        var cancelledAgain = await AcquireAsync(tenant, "wf_third");
        Assert.Equal((true, second.QueueId), (again.Admitted, again.QueueId));
        Assert.True(cancelledAgain.Cancelled);
        Assert.Empty(await QueueRowsAsync(tenant));
        Assert.Equal(QueueStatus.Admitted, (await _store.FindAsync(tenant, "wf_second", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task The_pending_index_holds_tenants_with_work_and_an_idle_tenant_leaves_it_only_after_the_grace()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var busy = "org_busy" + suffix;
        var idle = "org_idle" + suffix;
        await AcquireAsync(busy, "wf_a");
        await AcquireAsync(busy, "wf_b");
        await AcquireAsync(idle, "wf_c");
        var idleRow = (await _index.ListAsync(CancellationToken.None)).Single(t => t.TenantId == idle);

        var tooSoon = await _index.ForgetAsync(idleRow, CancellationToken.None);
        _clock.Advance(PendingWorkIndex.Grace + TimeSpan.FromSeconds(1));
        var forgotten = await _index.ForgetAsync(idleRow, CancellationToken.None);

        Assert.True(await _store.HasPendingWorkAsync(busy, CancellationToken.None));
        Assert.False(await _store.HasPendingWorkAsync(idle, CancellationToken.None));
        Assert.False(tooSoon);
        Assert.True(forgotten);
        Assert.Equal(new[] { busy }, (await _index.ListAsync(CancellationToken.None)).Select(t => t.TenantId).Where(t => t.EndsWith(suffix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_tenant_marked_again_after_the_sweep_read_it_keeps_its_index_row()
    {
        var tenant = "org_remark" + Guid.NewGuid().ToString("N")[..6];
        await AcquireAsync(tenant, "wf_a");
        var read = (await _index.ListAsync(CancellationToken.None)).Single(t => t.TenantId == tenant);
        _clock.Advance(PendingWorkIndex.Grace + TimeSpan.FromSeconds(1));
        await _index.MarkAsync(tenant, CancellationToken.None);
        _clock.Advance(PendingWorkIndex.Grace + TimeSpan.FromSeconds(1));

        Assert.False(await _index.ForgetAsync(read, CancellationToken.None));
        Assert.Contains(tenant, (await _index.ListAsync(CancellationToken.None)).Select(t => t.TenantId));
    }

    [Fact]
    public async Task The_queue_pages_in_position_order_and_every_item_appears_once()
    {
        var tenant = "org_qpage" + Guid.NewGuid().ToString("N")[..6];
        var ids = Enumerable.Range(0, 7).Select(i => "wf_q" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            await AcquireAsync(tenant, id);
        }

        var seen = new List<(string Id, int Position)>();
        PageQuery page = PageQuery.First(3);
        for (var pages = 0; pages < 10; pages++)
        {
            var result = await _store.PageQueuedAsync(tenant, page, CancellationToken.None);
            var offset = page.Cursor?.Offset ?? 0;
            seen.AddRange(result.Items.Select((q, i) => (q.WorkflowId, offset + i + 1)));
            if (result.NextCursor is null)
            {
                break;
            }

            page = new PageQuery(3, PageCursor.TryDecode(result.NextCursor));
        }

        Assert.Equal(ids.Skip(1), seen.Select(s => s.Id));
        Assert.Equal(Enumerable.Range(1, 6), seen.Select(s => s.Position));
        Assert.Equal(6, await _store.CountQueuedAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task A_conflict_that_never_ends_is_tried_eight_times_then_answers_409_busy()
    {
        var calls = 0;
        var error = await Assert.ThrowsAsync<ApiException>(() => AdmissionRetry.RunAsync<int>("org_busy", _ =>
        {
            calls++;
            throw new RequestFailedException(412, "UpdateConditionNotSatisfied");
        }, CancellationToken.None));

        Assert.Equal(AdmissionRetry.MaxTries, calls);
        Assert.Equal(8, calls);
        Assert.Equal(409, error.Status);
        Assert.Contains("busy", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conflict_that_clears_is_retried_and_other_errors_are_not()
    {
        var calls = 0;
        var value = await AdmissionRetry.RunAsync("org_x", _ => ++calls < 3 ? throw new RequestFailedException(409, "Conflict") : Task.FromResult(calls), CancellationToken.None);
        var other = 0;
        await Assert.ThrowsAsync<RequestFailedException>(() => AdmissionRetry.RunAsync<int>("org_x", _ =>
        {
            other++;
            throw new RequestFailedException(500, "InternalError");
        }, CancellationToken.None));

        Assert.Equal(3, value);
        Assert.Equal(1, other);
    }

    public static TheoryData<int> Rounds()
    {
        var data = new TheoryData<int>();
        foreach (var round in Enumerable.Range(1, AdmissionRetry.MaxTries - 1))
        {
            data.Add(round);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rounds))]
    public void Backoff_grows_exponentially_with_full_jitter_and_is_capped(int round)
    {
        var ceiling = Math.Min(640, 10 * Math.Pow(2, round - 1));
        var delays = Enumerable.Range(0, 200).Select(_ => AdmissionRetry.DelayBefore(round).TotalMilliseconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
        Assert.True(delays.Distinct().Count() > 1, "jittered");
    }

    private Task<AdmissionDecision> AcquireAsync(string tenant, string workflowId) =>
        _store.AcquireAsync(tenant, workflowId, 1, "fault_test", OneAtATime, queueReason: null, CancellationToken.None);

    private async Task<List<string>> QueueRowsAsync(string tenant)
    {
        var table = await _tables.TableAsync("Admission");
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {tenant} and RowKey ge {"q|"} and RowKey lt {"q}"}")))
        {
            rows.Add(e.RowKey);
        }

        return rows;
    }
}
