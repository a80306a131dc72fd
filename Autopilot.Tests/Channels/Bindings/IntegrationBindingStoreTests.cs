using Autopilot.Core.Channels.Bindings;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants.Data;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Channels.Bindings;

/// <summary>
/// The binding store on real Azurite: integer ids from an ETag-guarded counter stay unique under parallel upserts, an
/// upsert is idempotent per (tenant, type, external id), another tenant's identity is refused (CHAN-9's quirk fixed), and
/// the identity index follows deletes and purges.
/// </summary>
public sealed class IntegrationBindingStoreTests
{
    private readonly TableStorage _tables;
    private readonly IntegrationBindingStore _store;

    public IntegrationBindingStoreTests()
    {
        _tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("bind") });
        _store = new IntegrationBindingStore(_tables, TimeProvider.System);
    }

    private static string NewTenant() => "org_bind" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Parallel_upserts_of_distinct_identities_get_distinct_consecutive_ids()
    {
        var tenants = Enumerable.Range(0, 3).Select(_ => NewTenant()).ToList();
        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            _store.UpsertAsync(tenants[i % 3], BindingTypes.SlackUser, $"U{i:D3}", CancellationToken.None)));

        var ids = results.Select(r => r.Binding!.Id).ToList();
        Assert.All(results, r => Assert.True(r.Created));
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), ids.Order());
    }

    [Fact]
    public async Task Parallel_upserts_of_one_identity_by_one_tenant_store_one_binding()
    {
        var tenant = NewTenant();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            _store.UpsertAsync(tenant, BindingTypes.SlackTeam, "T_SAME", CancellationToken.None)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Binding!.Id).Distinct());
        Assert.Single(await _store.ListAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task An_upsert_again_returns_the_existing_binding_and_another_tenant_is_refused_the_identity()
    {
        var (owner, other) = (NewTenant(), NewTenant());
        var first = await _store.UpsertAsync(owner, BindingTypes.TelegramChat, "-100123", CancellationToken.None);

        var again = await _store.UpsertAsync(owner, BindingTypes.TelegramChat, "-100123", CancellationToken.None);
        var stolen = await _store.UpsertAsync(other, BindingTypes.TelegramChat, "-100123", CancellationToken.None);
        var otherType = await _store.UpsertAsync(other, BindingTypes.TelegramUser, "-100123", CancellationToken.None);

        Assert.Equal((first.Binding, false), (again.Binding, again.Created));
        Assert.True(stolen.ConflictsWithAnotherTenant);
        Assert.True(otherType.Created);
        Assert.Equal(owner, (await _store.FindAsync(BindingTypes.TelegramChat, "-100123", CancellationToken.None))!.TenantId);
        Assert.DoesNotContain(await _store.ListAsync(other, CancellationToken.None), b => b.BindingType == BindingTypes.TelegramChat);
    }

    [Fact]
    public async Task Deleting_frees_the_identity_and_only_the_owner_can_delete()
    {
        var (owner, other) = (NewTenant(), NewTenant());
        var binding = (await _store.UpsertAsync(owner, BindingTypes.SlackUser, "U_DEL", CancellationToken.None)).Binding!;

        Assert.False(await _store.DeleteAsync(other, binding.Id, CancellationToken.None));
        Assert.False(await _store.DeleteAsync(owner, binding.Id + 1000, CancellationToken.None));
        Assert.True(await _store.DeleteAsync(owner, binding.Id, CancellationToken.None));
        Assert.Null(await _store.FindAsync(BindingTypes.SlackUser, "U_DEL", CancellationToken.None));
        Assert.True((await _store.UpsertAsync(other, BindingTypes.SlackUser, "U_DEL", CancellationToken.None)).Created);
    }

    [Fact]
    public async Task A_tenant_lists_only_its_own_bindings_in_ascending_id_even_when_another_tenant_id_extends_its_own()
    {
        var tenant = NewTenant();
        var longer = tenant + "x";
        await _store.UpsertAsync(tenant, BindingTypes.SlackUser, "U_B", CancellationToken.None);
        await _store.UpsertAsync(longer, BindingTypes.SlackUser, "U_OTHER", CancellationToken.None);
        await _store.UpsertAsync(tenant, BindingTypes.SlackTeam, "T_A", CancellationToken.None);

        var listed = await _store.ListAsync(tenant, CancellationToken.None);

        Assert.Equal(["U_B", "T_A"], listed.Select(b => b.ExternalId));
        Assert.True(listed[0].Id < listed[1].Id);
    }

    [Fact]
    public async Task Purging_a_tenant_removes_its_bindings_and_index_rows_and_keeps_the_counter_and_other_tenants()
    {
        var (gone, kept) = (NewTenant(), NewTenant());
        await _store.UpsertAsync(gone, BindingTypes.SlackTeam, "T_GONE", CancellationToken.None);
        await _store.UpsertAsync(kept, BindingTypes.SlackTeam, "T_KEPT", CancellationToken.None);
        // The purge stage as the tenant data set declares it (the cache is not touched by this stage).
        var purge = new TenantDataSet(_tables, null!, engine: null, TimeProvider.System)["integration_bindings"];

        Assert.Equal(2, await purge.CountAsync(gone, CancellationToken.None));
        await purge.RemovePageAsync(gone, "pseudonym", 100, CancellationToken.None);

        Assert.Equal(0, await purge.CountAsync(gone, CancellationToken.None));
        Assert.Null(await _store.FindAsync(BindingTypes.SlackTeam, "T_GONE", CancellationToken.None));
        Assert.NotNull(await _store.FindAsync(BindingTypes.SlackTeam, "T_KEPT", CancellationToken.None));
        var next = await _store.UpsertAsync(kept, BindingTypes.SlackUser, "U_NEXT", CancellationToken.None);
        Assert.Equal(3, next.Binding!.Id);
    }
}
