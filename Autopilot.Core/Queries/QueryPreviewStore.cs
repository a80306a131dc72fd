using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Queries;

/// <summary>
/// Query previews per tenant. Status changes are compare-and-swap on the row's ETag, so an approved preview executes
/// once even when approve-run is called twice at the same moment. Results are stored gzip-compressed across binary
/// properties (a table entity holds up to 1 MB, a property 64 KB).
/// </summary>
public sealed class QueryPreviewStore
{
    private const string TableName = "QueryPreviews";
    private const int ChunkBytes = 60 * 1024;
    private const int MaxChunks = 14;

    /// <summary>Table storage keys hold at most 1 KB; previews ids are short, so anything longer is simply unknown.</summary>
    private const int MaxKeyLength = 512;
    private readonly TableStorage _storage;

    public QueryPreviewStore(TableStorage storage) => _storage = storage;

    public static int MaxResultBytes => ChunkBytes * MaxChunks;

    /// <summary>What a result takes once stored (gzip-compressed), to check it against <see cref="MaxResultBytes"/> before storing.</summary>
    public static int StoredSize(string resultJson) => Compress(resultJson).Length;

    public async Task AddAsync(QueryPreview preview, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var table = await _storage.TableAsync(TableName);
        await table.AddEntityAsync(ToEntity(preview), cancellation);
    }

    public async Task<(QueryPreview Preview, ETag ETag)?> GetAsync(string tenantId, string previewId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(previewId);
        if (TableKey.Escape(previewId).Length > MaxKeyLength)
        {
            return null; // no preview has such an id, and Table storage refuses a key this long (a 400, not a miss)
        }

        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), TableKey.Escape(previewId), cancellationToken: cancellation);
        return found.HasValue ? (FromEntity(found.Value!), found.Value!.ETag) : null;
    }

    /// <summary>Replaces the preview if it is unchanged since <paramref name="etag"/>; false when someone else changed it first.</summary>
    public async Task<bool> TryReplaceAsync(QueryPreview preview, ETag etag, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var table = await _storage.TableAsync(TableName);
        try
        {
            await table.UpdateEntityAsync(ToEntity(preview), etag, TableUpdateMode.Replace, cancellation);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<int> CountAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}"), select: ["RowKey"], cancellationToken: cancellation))
        {
            count++;
        }

        return count;
    }

    private static TableEntity ToEntity(QueryPreview preview)
    {
        var entity = new TableEntity(TableKey.Escape(preview.TenantId), TableKey.Escape(preview.PreviewId))
        {
            ["status"] = preview.Status,
            ["data"] = JsonSerializer.Serialize(preview with { ResultJson = null }, AutopilotJson.Options),
        };
        if (preview.ResultJson is { } result)
        {
            var compressed = Compress(result);
            var chunks = compressed.Chunk(ChunkBytes).ToList();
            if (chunks.Count > MaxChunks)
            {
                throw new InvalidOperationException($"The result is too large to store ({compressed.Length} bytes compressed).");
            }

            entity["result_chunks"] = chunks.Count;
            for (var i = 0; i < chunks.Count; i++)
            {
                entity[$"result_{i}"] = chunks[i];
            }
        }

        return entity;
    }

    private static QueryPreview FromEntity(TableEntity entity)
    {
        var preview = JsonSerializer.Deserialize<QueryPreview>(entity.GetString("data"), AutopilotJson.Options)!;
        if (entity.GetInt32("result_chunks") is not { } count)
        {
            return preview;
        }

        var bytes = Enumerable.Range(0, count).SelectMany(i => entity.GetBinary($"result_{i}")).ToArray();
        return preview with { ResultJson = Decompress(bytes) };
    }

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string Decompress(byte[] bytes)
    {
        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
