using System.Net;
using System.Net.Sockets;

namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>
/// Where a tenant's notification targets (webhook, Slack, Teams and SMTP URLs) may connect. A target is the tenant's to
/// choose, so without this guard it could make the service call its own network: the cloud metadata endpoint
/// (169.254.169.254), loopback admin ports, a private database. The check runs at connect time, on the addresses DNS gave
/// for this very connection, so a name that resolves to a public address when the routing is written and to a private
/// one later (DNS rebinding) is refused too. Only public unicast addresses pass, unless the operator allows private ones
/// (<c>NOTIFY_ALLOW_PRIVATE_TARGETS=true</c>, for receivers on the same network or a local test receiver).
/// </summary>
public sealed class TargetAddressGuard
{
    public const string Setting = "NOTIFY_ALLOW_PRIVATE_TARGETS";

    /// <summary>The failure recorded for a refused target: names the rule and the setting, never the address.</summary>
    public const string RefusedMessage = "target refused: it resolves only to private, loopback or reserved addresses (" + Setting + "=true allows them)";

    private readonly bool _allowPrivate;

    public TargetAddressGuard(ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowPrivate = options.AllowPrivateNotificationTargets;
    }

    /// <summary>Opens a TCP connection to the host's first reachable allowed address; refuses with <see cref="TargetRefusedException"/>.</summary>
    public async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(host);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);
        var allowed = addresses.Where(a => _allowPrivate || IsPublic(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new TargetRefusedException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, cancellation);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/> for the notification client.</summary>
    public async ValueTask<Stream> ConnectHttpAsync(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var socket = await ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellation);
        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>
    /// Whether an address is public unicast: not loopback, unspecified, private (RFC 1918, unique local), shared (CGNAT),
    /// link-local (which holds the cloud metadata endpoint), multicast, broadcast, documentation or benchmarking space.
    /// IPv4 carried in IPv6 (mapped, NAT64, 6to4) is judged as the IPv4 address it carries.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var v6 = address.GetAddressBytes();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address; 2001:db8::/32 is documentation.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4..12].All(x => x == 0))
        {
            return IsPublic(new IPAddress(v6[12..16]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return IsPublic(new IPAddress(v6[2..6]));
        }

        // ::/96 holds the unspecified address and the retired IPv4-compatible ones.
        return !(v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0d && v6[3] == 0xb8) && !v6[..12].All(x => x == 0);
    }
}

/// <summary>A notification target that resolves only to addresses the <see cref="TargetAddressGuard"/> refuses.</summary>
public sealed class TargetRefusedException : IOException
{
    public TargetRefusedException()
        : base(TargetAddressGuard.RefusedMessage)
    {
    }

    public TargetRefusedException(string message)
        : base(message)
    {
    }

    public TargetRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
