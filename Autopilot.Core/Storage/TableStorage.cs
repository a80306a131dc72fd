using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Autopilot.Core.Storage;

/// <summary>The tables of Autopilot's records, created on first use.</summary>
public sealed class TableStorage
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    /// <param name="options">Where the tables live.</param>
    /// <param name="clientOptions">The Table client's pipeline options (tests add a policy to observe requests).</param>
    public TableStorage(StorageOptions options, TableClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _service = new TableServiceClient(options.ConnectionString, clientOptions);
        _prefix = options.TablePrefix;
    }

    public async Task<TableClient> TableAsync(string name)
    {
        var lazy = _tables.GetOrAdd(name, n => new Lazy<Task<TableClient>>(() => CreateAsync(n)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed create (storage briefly down) must not be cached: the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    /// <summary>A cheap round trip to the table service, for readiness.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellation)
    {
        try
        {
            await _service.GetPropertiesAsync(cancellation);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = _service.GetTableClient(_prefix + name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
