using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Autopilot.Core.Tenancy;

/// <summary>
/// The issuer's OpenID Connect metadata and signing keys (JWKS), read from AUTH_AUTHORITY and kept for
/// <see cref="AuthOptions.MetadataRefresh"/>. IdentityModel's own <c>ConfigurationManager</c> refreshes in the background
/// (8.x: the request that finds keys stale is answered with the old ones) and reads <c>DateTimeOffset.UtcNow</c>; this cache
/// refreshes in line, on <see cref="TimeProvider"/>, so a rotated key is accepted on the first request that needs it and the
/// behaviour is testable with a fake clock. Parsing stays IdentityModel's (<see cref="OpenIdConnectConfigurationRetriever"/>).
/// </summary>
public sealed class OpenIdMetadataCache : IDisposable
{
    /// <summary>How long past its refresh time cached metadata still serves while the issuer cannot be reached.</summary>
    public static readonly TimeSpan StaleGrace = TimeSpan.FromHours(24);

    private readonly AuthOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<OpenIdMetadataCache> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public OpenIdMetadataCache(AuthOptions options, IHttpClientFactory httpFactory, TimeProvider time, ILogger<OpenIdMetadataCache> logger)
    {
        ArgumentNullException.ThrowIfNull(httpFactory);
        _options = options;
        _time = time;
        _logger = logger;
        _http = httpFactory.CreateClient(nameof(OpenIdMetadataCache));
        _http.Timeout = TimeSpan.FromSeconds(10);
    }

    public string MetadataAddress => _options.Authority is { } authority
        ? authority.AbsoluteUri.TrimEnd('/') + "/.well-known/openid-configuration"
        : throw new InvalidOperationException("AUTH_AUTHORITY is not set.");

    /// <summary>The metadata to validate with; null when the issuer has never been reached (or not for too long): fail closed.</summary>
    public Task<OpenIdConnectConfiguration?> GetAsync(CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        return _current is { } current && now - _fetchedAt < _options.MetadataRefresh
            ? Task.FromResult<OpenIdConnectConfiguration?>(current)
            : ReadAsync(force: false, cancellation);
    }

    /// <summary>Reads the metadata again (a token named a key id we do not know), at most once per <see cref="AuthOptions.MetadataMinRefresh"/>.</summary>
    public Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken cancellation) => ReadAsync(force: true, cancellation);

    public void Dispose()
    {
        _lock.Dispose();
        _http.Dispose();
    }

    private async Task<OpenIdConnectConfiguration?> ReadAsync(bool force, CancellationToken cancellation)
    {
        await _lock.WaitAsync(cancellation);
        try
        {
            var now = _time.GetUtcNow();
            var due = _current is null || now - _fetchedAt >= _options.MetadataRefresh;
            if ((!force && !due) || now - _lastAttempt < _options.MetadataMinRefresh)
            {
                // Fresh enough, or read a moment ago (by another request, or a failed attempt): no second read.
                return Usable(now);
            }

            _lastAttempt = now;
            try
            {
                var retriever = new HttpDocumentRetriever(_http) { RequireHttps = _options.RequireHttps };
                _current = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, retriever, cancellation);
                _fetchedAt = now;
                return _current;
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure to read the issuer is the same outcome: old keys while they may serve, else fail closed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning("Could not read the token issuer's metadata at {Address}: {Error}", MetadataAddress, ex.GetType().Name + ": " + ex.Message);
                return Usable(now);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private OpenIdConnectConfiguration? Usable(DateTimeOffset now) =>
        _current is { } current && now - _fetchedAt < _options.MetadataRefresh + StaleGrace ? current : null;
}
