using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// A tenant's BigQuery project over the REST API v2 (no client library is served here): introspection, dry runs,
/// query execution with paging, row cap, bytes cap, labels and deadlines, and profiling through queries. Failures leave as
/// <see cref="Workflows.WorkflowStepException"/>s classed TIMEOUT, QUOTA_EXCEEDED, PERMISSION_DENIED,
/// TRANSIENT_NETWORK, MALFORMED_RESPONSE or VALIDATION_FAILED; a caller's own cancellation stays an
/// <see cref="OperationCanceledException"/>. Safe for concurrent calls.
/// </summary>
public sealed partial class BigQueryWarehouse : IWarehouse, IDisposable
{
    public const string BigQueryKind = "bigquery";

    private readonly BigQueryOptions _options;
    private readonly TimeProvider _time;
    private readonly BigQueryRestClient _rest;

    /// <param name="options">The connection; validated here.</param>
    /// <param name="time">The clock for token expiry, deadlines, retry delays and freshness.</param>
    /// <param name="logger">Retries are logged as warnings (path and status only).</param>
    /// <param name="primaryHandler">The HTTP handler under the retry and auth handlers; a pooled socket handler by default. Owned.</param>
    public BigQueryWarehouse(
        BigQueryOptions options, TimeProvider time, ILogger<BigQueryWarehouse>? logger = null, HttpMessageHandler? primaryHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _rest = new BigQueryRestClient(options, time, logger ?? (ILogger)NullLogger.Instance, primaryHandler);
    }

    public string Kind => BigQueryKind;

    /// <inheritdoc />
    public bool IsLive => true;

    /// <summary>Lists at most one dataset: authenticated and cheap. False on any failure, within <see cref="BigQueryOptions.PingTimeout"/>.</summary>
    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            using var deadline = new CallDeadline(_options.PingTimeout, _time, ct);
            await _rest.GetAsync<Wire.DatasetList>("datasets?maxResults=1", "ping", deadline.Token);
            return true;
        }
#pragma warning disable CA1031 // The contract: a ping reports failure as false, whatever the failure was.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    public void Dispose() => _rest.Dispose();

    /// <summary>Quotes one identifier for BigQuery SQL: backticks, with backslash and backtick escaped.</summary>
    internal static string Quote(string identifier) =>
        "`" + identifier.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";

    private string QualifiedName(string dataset, string table) => $"{Quote(_options.ProjectId)}.{Quote(dataset)}.{Quote(table)}";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
