using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Channels.Replies;

/// <summary>
/// One row per reply instance in <see cref="TableName"/> (partition: the tenant, or <see cref="Unresolved"/> for a message no
/// org was resolved for), set once the channel's API took the reply: a re-run of the posting activity — after a crash that lost
/// its result — finds it and posts nothing. (A crash between the API's answer and this row is the one window left, and it
/// posts at most once more: channels offer no idempotency key to close it.)
/// </summary>
public sealed class ChannelReplyPosts
{
    public const string TableName = "ChannelReplyPosts";

    /// <summary>The partition of replies sent before any org was known (Telegram's "not bound").</summary>
    public const string Unresolved = "~unresolved";

    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public ChannelReplyPosts(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    public async Task<bool> WasPostedAsync(string? tenantId, string instanceId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition(tenantId), TableKey.Escape(instanceId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellation);
        return row.HasValue;
    }

    public async Task MarkPostedAsync(string? tenantId, string instanceId, string channel, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await table.UpsertEntityAsync(new TableEntity(Partition(tenantId), TableKey.Escape(instanceId))
        {
            ["channel"] = channel,
            ["posted_at"] = _time.GetUtcNow(),
        }, TableUpdateMode.Replace, cancellation);
    }

    private static string Partition(string? tenantId) => string.IsNullOrEmpty(tenantId) ? Unresolved : TableKey.Escape(tenantId);
}
