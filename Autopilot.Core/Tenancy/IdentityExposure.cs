namespace Autopilot.Core.Tenancy;

/// <summary>
/// Whether the API trusts identity headers while reachable beyond this machine: the host sets it at start (the server from the
/// addresses it listens on, the Functions app when it runs in Azure) and <c>/ready</c> reports it.
/// </summary>
public sealed class IdentityExposure
{
    private readonly AuthOptions _options;
    private volatile bool _listensBeyondLoopback;

    public IdentityExposure(AuthOptions options) => _options = options;

    public AuthMode Mode => _options.Mode;

    /// <summary>True when anyone who can reach the API may claim any tenant and role: headers mode on a non-loopback address.</summary>
    public bool HeadersTrustedFromNetwork => _options.Mode == AuthMode.Headers && _listensBeyondLoopback;

    public const string Warning =
        "AUTH_MODE=headers while listening beyond loopback: X-Tenant-Id and X-User-Role are trusted as sent, so any caller can act as any tenant and role. Set AUTH_MODE=jwt, or put the API behind a gateway that sets these headers.";

    public void ListensBeyondLoopback() => _listensBeyondLoopback = true;

    /// <summary>Notes the server's listen addresses (ASPNETCORE_URLS form, ';'-separated): any host but a loopback one exposes it.</summary>
    public void ListensOn(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Wildcards (*, +, 0.0.0.0, [::]) do not parse as loopback hosts, so they count as exposed, as they are.
            var host = Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Host : url;
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
            if (!loopback)
            {
                ListensBeyondLoopback();
            }
        }
    }
}
