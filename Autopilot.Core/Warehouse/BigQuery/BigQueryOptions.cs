using System.Text;

namespace Autopilot.Core.Warehouse.BigQuery;

/// <summary>
/// One BigQuery connection. <paramref name="ServiceAccountJson"/> is a service-account key (the secret; never printed);
/// null sends no credentials, which only a local emulator accepts. <paramref name="Endpoint"/> defaults to
/// <see cref="DefaultEndpoint"/>; <paramref name="TokenEndpoint"/>, when set, replaces the key's <c>token_uri</c>.
/// </summary>
public sealed record BigQueryOptions(
    string ProjectId,
    string Location = "US",
    string? ServiceAccountJson = null,
    Uri? Endpoint = null,
    Uri? TokenEndpoint = null)
{
    public static Uri DefaultEndpoint { get; } = new("https://bigquery.googleapis.com/");

    /// <summary>The tenant owning this connection; labels the jobs the connector starts by itself (profiling).</summary>
    public string TenantId { get; init; } = "";

    /// <summary>Rows asked for per result page; BigQuery may return fewer (it caps a page at about 10 MB).</summary>
    public int PageSize { get; init; } = 10_000;

    /// <summary>How long BigQuery holds a <c>jobs.query</c>/<c>getQueryResults</c> call open waiting for the job.</summary>
    public TimeSpan ServerWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause between two polls of a job that is not complete yet.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time allowed to one HTTP attempt; must exceed <see cref="ServerWait"/>.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a transient failure (5xx, 429, rateLimitExceeded, network) after the first attempt.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed to <see cref="BigQueryWarehouse.PingAsync"/>.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Bytes-billed cap of each profiling query.</summary>
    public long ProfileMaximumBytesBilled { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Time allowed to each profiling query.</summary>
    public TimeSpan ProfileTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public Uri BaseAddress => Endpoint ?? DefaultEndpoint;

    /// <summary>Throws <see cref="ArgumentException"/> when a setting cannot work.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ProjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(Location);
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ServerWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, ServerWait);
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProfileTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(ProfileMaximumBytesBilled, 1);
    }

    // The record's generated ToString would print the service-account key; print whether there is one instead.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ProjectId = ").Append(ProjectId)
            .Append(", Location = ").Append(Location)
            .Append(", ServiceAccountJson = ").Append(ServiceAccountJson is null ? "null" : "[redacted]")
            .Append(", Endpoint = ").Append(BaseAddress)
            .Append(", TokenEndpoint = ").Append(TokenEndpoint?.ToString() ?? "null")
            .Append(", TenantId = ").Append(TenantId);
        return true;
    }
}
