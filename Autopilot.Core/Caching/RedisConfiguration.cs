using System.Globalization;
using StackExchange.Redis;

namespace Autopilot.Core.Caching;

/// <summary>Turns <c>REDIS_URL</c> into fail-fast client options (recipes.md § Redis: the outage trap and its fix).</summary>
internal static class RedisConfiguration
{
    public static ConfigurationOptions FailFast(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = configuration.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || configuration.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
                ? FromUri(new Uri(configuration))
                : ConfigurationOptions.Parse(configuration);
        }
        catch (Exception ex) when (ex is ArgumentException or UriFormatException or FormatException)
        {
            throw new InvalidOperationException($"REDIS_URL '{configuration}' is not a Redis endpoint: use host:port or redis://[:password@]host[:port][/db] ({ex.Message}).", ex);
        }

        var timeout = (int)RedisConnection.CommandTimeout.TotalMilliseconds;
        // Defaults wait 1–1.9 s per command while Redis is down; these fail in 0–4 ms and let the fallback answer.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = timeout;
        options.SyncTimeout = timeout;
        options.AsyncTimeout = timeout;
        // Cap the reconnect back-off so a long outage is still noticed to end within a couple of seconds.
        options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
        options.ConnectRetry = 1;
        return options;
    }

    private static ConfigurationOptions FromUri(Uri uri)
    {
        var options = new ConfigurationOptions();
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        options.Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                options.User = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = Uri.UnescapeDataString(parts[0]);
            }
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.DefaultDatabase = int.Parse(path, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return options;
    }
}
