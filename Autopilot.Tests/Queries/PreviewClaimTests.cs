using Autopilot.Core.Api;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Queries;

/// <summary>Approve-run's claim on Table storage (Azurite): a lost compare-and-swap is a 409, never an overwrite.</summary>
public sealed class PreviewClaimTests
{
    private readonly QueryPreviewStore _store = new(new TableStorage(new StorageOptions
    {
        ConnectionString = TestEnvironment.StorageConnectionString,
        TablePrefix = TestEnvironment.NewHubName("claim"),
    }));

    private static QueryPreview NewPreview(string tenant)
    {
        var now = TimeProvider.System.GetUtcNow();
        return new QueryPreview(Ids.New("qry"), tenant, "conn_" + tenant, "SELECT 1 AS one", PreviewStatus.Ready, 10, 0, false,
            now, now.AddHours(1), now, null, null, null, null);
    }

    [Fact]
    public async Task A_claim_with_the_etag_moves_the_preview_to_executing()
    {
        var preview = NewPreview("org_claim_a");
        await _store.AddAsync(preview, CancellationToken.None);
        var (read, etag) = (await _store.GetAsync(preview.TenantId, preview.PreviewId, CancellationToken.None))!.Value;

        var claimed = await PreviewClaim.ExecuteAsync(_store, read, etag, "member", TimeProvider.System.GetUtcNow(), CancellationToken.None);

        Assert.Equal(PreviewStatus.Executing, claimed.Status);
        Assert.Equal(PreviewStatus.Executing, (await _store.GetAsync(preview.TenantId, preview.PreviewId, CancellationToken.None))!.Value.Preview.Status);
    }

    [Fact]
    public async Task A_claim_lost_to_another_request_is_a_409_and_leaves_that_request_s_change_in_place()
    {
        var preview = NewPreview("org_claim_b");
        await _store.AddAsync(preview, CancellationToken.None);
        var (read, stale) = (await _store.GetAsync(preview.TenantId, preview.PreviewId, CancellationToken.None))!.Value;
        var (_, current) = (await _store.GetAsync(preview.TenantId, preview.PreviewId, CancellationToken.None))!.Value;
        var winner = read with { Status = PreviewStatus.Executed, ResultJson = """{"rows":[{"one":1}]}""" };
        Assert.True(await _store.TryReplaceAsync(winner, current, CancellationToken.None));

        var lost = await Assert.ThrowsAsync<ApiException>(() => PreviewClaim.ExecuteAsync(_store, read, stale, "member", TimeProvider.System.GetUtcNow(), CancellationToken.None));
        var approveLost = await Assert.ThrowsAsync<ApiException>(() => PreviewClaim.ApproveAsync(_store, read, stale, "member", TimeProvider.System.GetUtcNow(), CancellationToken.None));

        Assert.Equal((409, PreviewClaim.Lost), (lost.Status, lost.Detail));
        Assert.Equal(409, approveLost.Status);
        var after = (await _store.GetAsync(preview.TenantId, preview.PreviewId, CancellationToken.None))!.Value.Preview;
        Assert.Equal(PreviewStatus.Executed, after.Status);
        Assert.Equal(winner.ResultJson, after.ResultJson);
    }
}
