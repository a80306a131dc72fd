using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;

namespace Autopilot.Tests.Storage;

/// <summary>The transaction rules Azurite does not enforce are enforced in code (recipes.md § Azurite gaps).</summary>
public sealed class TableBatchTests
{
    private readonly TableStorage _tables = new(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("batch") });

    [Fact]
    public async Task A_transaction_spanning_two_partitions_is_refused_before_it_is_sent()
    {
        var table = await _tables.TableAsync("Rows");
        TableTransactionAction[] actions = [Upsert("p1", "a"), Upsert("p2", "b")];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAtomicAsync(table, actions, CancellationToken.None));

        Assert.Contains("one partition", error.Message, StringComparison.Ordinal);
        Assert.Empty(table.Query<TableEntity>().ToList());
    }

    [Fact]
    public async Task A_transaction_of_101_actions_is_refused_and_chunked_submission_writes_all_of_them()
    {
        var table = await _tables.TableAsync("Chunks");
        var actions = Enumerable.Range(0, 101).Select(i => Upsert("p", $"r{i:D3}")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => TableBatch.SubmitAtomicAsync(table, actions, CancellationToken.None));
        Assert.Empty(table.Query<TableEntity>().ToList());

        await TableBatch.SubmitChunkedAsync(table, actions.Concat([Upsert("q", "x")]), CancellationToken.None);
        Assert.Equal(102, table.Query<TableEntity>().Count());
    }

    [Theory]
    [InlineData("org/a#b?c\\d", "org%2Fa%23b%3Fc%5Cd")]
    [InlineData("plain_org-1", "plain_org-1")]
    [InlineData("100%", "100%25")]
    public void Keys_escape_the_characters_table_storage_forbids(string raw, string escaped) =>
        Assert.Equal(escaped, TableKey.Escape(raw));

    [Fact]
    public async Task Escaped_tenant_keys_round_trip_through_table_storage()
    {
        var table = await _tables.TableAsync("Keys");
        var key = TableKey.Escape("weird/tenant#1?");

        await table.AddEntityAsync(new TableEntity(key, "r"), CancellationToken.None);

        Assert.Single(table.Query<TableEntity>(e => e.PartitionKey == key).ToList());
    }

    private static TableTransactionAction Upsert(string partition, string row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row) { ["v"] = 1 });
}
