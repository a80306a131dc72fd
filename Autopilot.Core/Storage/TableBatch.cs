using Azure.Data.Tables;

namespace Autopilot.Core.Storage;

/// <summary>
/// Entity-group transactions with the service's rules enforced here, because Azurite does not enforce them:
/// one partition per transaction and at most 100 actions (Azurite accepts a cross-partition batch and garbles 101).
/// </summary>
public static class TableBatch
{
    public const int MaxActions = 100;

    /// <summary>One atomic transaction: throws when the actions span partitions or exceed 100.</summary>
    public static async Task SubmitAtomicAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            return;
        }

        if (actions.Count > MaxActions)
        {
            throw new ArgumentException($"A transaction holds at most {MaxActions} actions; got {actions.Count}.", nameof(actions));
        }

        var partitions = actions.Select(a => a.Entity.PartitionKey).Distinct(StringComparer.Ordinal).Count();
        if (partitions != 1)
        {
            throw new ArgumentException($"A transaction must stay within one partition; got {partitions}.", nameof(actions));
        }

        await table.SubmitTransactionAsync(actions, cancellation);
    }

    /// <summary>
    /// Idempotent actions (upserts, deletes) in as few transactions as the rules allow: grouped by partition,
    /// chunks of 100. Not atomic as a whole, so only for actions that are safe to repeat.
    /// </summary>
    public static async Task SubmitChunkedAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                await SubmitAtomicAsync(table, chunk, cancellation);
            }
        }
    }
}
