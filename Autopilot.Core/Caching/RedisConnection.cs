using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Autopilot.Core.Caching;

/// <summary>
/// The process's one Redis multiplexer, connected lazily and configured to fail fast (recipes.md § Redis): when
/// Redis is down, <see cref="TryGetDatabase"/> answers <c>null</c> at once and callers use their in-memory
/// fallback; the client reconnects by itself when Redis returns.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    /// <summary>Connect, sync and async timeouts: long enough for a busy loopback server, short enough never to stall a request.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>After a command failed, go straight to the fallback this long (a hung server still looks connected).</summary>
    public static readonly TimeSpan SuspendAfterFailure = TimeSpan.FromSeconds(1);

    private readonly ConfigurationOptions? _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<ConnectionMultiplexer?>? _connecting;
    private volatile ConnectionMultiplexer? _multiplexer;
    private long _suspendedUntilMs = long.MinValue;
    private int _lastReported = -1;
    private bool _disposed;

    public RedisConnection(ServiceOptions options, TimeProvider time, ILogger<RedisConnection>? logger = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).RedisUrl, time, logger)
    {
    }

    /// <param name="configuration">
    /// <c>host:port[,option=value…]</c> (StackExchange.Redis syntax) or <c>redis[s]://[:password@]host[:port][/db]</c>;
    /// empty or null: no Redis, every caller uses its in-memory store.
    /// </param>
    public RedisConnection(string? configuration, TimeProvider time, ILogger<RedisConnection>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _logger = logger ?? NullLogger<RedisConnection>.Instance;
        _options = string.IsNullOrWhiteSpace(configuration) ? null : RedisConfiguration.FailFast(configuration.Trim());
    }

    /// <summary>Raised with the new state when Redis becomes reachable or unreachable.</summary>
    public event EventHandler<bool>? AvailabilityChanged;

    /// <summary>Whether a Redis endpoint is configured at all.</summary>
    public bool IsConfigured => _options is not null;

    /// <summary>Whether commands would go to Redis now (connected, and not suspended after a failure).</summary>
    public bool IsAvailable => TryGetDatabase() is not null;

    /// <summary>The multiplexer once connected (for server-wide commands such as SCAN, and for PING benchmarks).</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    /// <summary>
    /// The database when Redis is connected; <c>null</c> at once when it is not configured, not connected yet
    /// (the first call starts connecting), down, or suspended after a failure. Never blocks.
    /// </summary>
    public IDatabase? TryGetDatabase()
    {
        if (_options is null)
        {
            return null;
        }

        var multiplexer = _multiplexer;
        if (multiplexer is null)
        {
            StartConnecting();
            return null;
        }

        if (!multiplexer.IsConnected || _time.GetUtcNow().ToUnixTimeMilliseconds() < Interlocked.Read(ref _suspendedUntilMs))
        {
            return null;
        }

        if (Volatile.Read(ref _lastReported) != 1)
        {
            // A suspension after a failed command ended without the connection ever dropping.
            Report(true, "connected");
        }

        return multiplexer.GetDatabase();
    }

    /// <summary>
    /// Like <see cref="TryGetDatabase"/>, but the first call in a process waits for the first connection attempt
    /// (at most the connect timeout), so work at start-up is not sent to the fallback just because it came first.
    /// </summary>
    public async ValueTask<IDatabase?> TryGetDatabaseAsync(CancellationToken cancellation = default)
    {
        if (_options is not null && _multiplexer is null)
        {
            await ConnectAsync(cancellation);
        }

        return TryGetDatabase();
    }

    /// <summary>Starts connecting if needed and waits for the first attempt; true when Redis is available.</summary>
    public async Task<bool> ConnectAsync(CancellationToken cancellation = default)
    {
        if (_options is null)
        {
            return false;
        }

        await StartConnecting().WaitAsync(cancellation);
        return IsAvailable;
    }

    /// <summary>
    /// Whether an exception is Redis failing (connection lost, timeout, server error), for which callers use their
    /// fallback. Timeouts are not <see cref="RedisException"/>s: they derive from <see cref="TimeoutException"/>.
    /// </summary>
    public static bool IsFailure(Exception error) => error is RedisException or RedisTimeoutException;

    /// <summary>A command failed (connection lost, timeout, server error): send callers to the fallback for a moment.</summary>
    public void ReportFailure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var until = _time.GetUtcNow().Add(SuspendAfterFailure).ToUnixTimeMilliseconds();
        Interlocked.Exchange(ref _suspendedUntilMs, until);
        Report(false, $"a command failed ({error.GetType().Name}: {error.Message})");
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer?>? connecting;
        lock (_gate)
        {
            _disposed = true;
            connecting = _connecting;
        }

        if (connecting is not null && await connecting is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }

    private Task<ConnectionMultiplexer?> StartConnecting()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _connecting ??= ConnectOnceAsync();
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectOnceAsync()
    {
        // AbortOnConnectFail=false: this returns after the connect timeout even when Redis is down, and the
        // multiplexer keeps reconnecting in the background.
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(_options!);
            multiplexer.ConnectionFailed += (_, e) => Report(false, $"the connection to {e.EndPoint} failed ({e.FailureType})");
            multiplexer.ConnectionRestored += (_, e) =>
            {
                Interlocked.Exchange(ref _suspendedUntilMs, long.MinValue);
                Report(multiplexer.IsConnected, $"the connection to {e.EndPoint} was restored");
            };
            _multiplexer = multiplexer;
            Report(multiplexer.IsConnected, multiplexer.IsConnected ? "connected" : "not reachable at start");
            return multiplexer;
        }
#pragma warning disable CA1031 // A bad configuration must not take the service down: it runs on the fallback and says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Redis connection could not be created; using the in-memory fallback");
            return null;
        }
    }

    /// <summary>Logs and raises <see cref="AvailabilityChanged"/> on changes only (reconnect attempts fail repeatedly).</summary>
    private void Report(bool available, string why)
    {
        var state = available ? 1 : 0;
        if (Interlocked.Exchange(ref _lastReported, state) == state)
        {
            return;
        }

        if (available && _logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Redis is available: {Why}", why);
        }
        else if (!available)
        {
            _logger.LogWarning("Redis is unavailable: {Why}; callers use their in-memory fallback until it returns", why);
        }

        AvailabilityChanged?.Invoke(this, available);
    }
}
