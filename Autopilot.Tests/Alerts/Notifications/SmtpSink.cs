using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// A minimal SMTP server on loopback (plain text, AUTH PLAIN/LOGIN): enough of RFC 5321 for MailKit to deliver to it.
/// Records each message's envelope, the credentials it was sent with, and the raw DATA.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Mail> _mails = new();
    private readonly Task _loop;

    public SmtpSink()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<Mail> Mails => _mails.ToList();

    public async Task<IReadOnlyList<Mail>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (_mails.Count < count)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"SMTP sink got {_mails.Count} mail(s), wanted {count}");
            }

            await Task.Delay(100);
        }

        return Mails;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ESMTP");
        string? user = null, password = null, from = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                    break;
                case "HELO":
                    await writer.WriteLineAsync("250 sink");
                    break;
                case "AUTH" when line.Split(' ') is [_, var mech, ..] && mech.Equals("PLAIN", StringComparison.OrdinalIgnoreCase):
                    var initial = line.Split(' ').Length > 2 ? line.Split(' ')[2] : null;
                    if (initial is null)
                    {
                        await writer.WriteLineAsync("334 ");
                        initial = await reader.ReadLineAsync();
                    }

                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(initial!)).Split('\0');
                    (user, password) = (parts[1], parts[2]);
                    await writer.WriteLineAsync("235 ok");
                    break;
                case "AUTH":
                    await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                    user = Encoding.UTF8.GetString(Convert.FromBase64String((await reader.ReadLineAsync())!));
                    await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                    password = Encoding.UTF8.GetString(Convert.FromBase64String((await reader.ReadLineAsync())!));
                    await writer.WriteLineAsync("235 ok");
                    break;
                case "MAIL":
                    from = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>').Split('>')[0];
                    to.Clear();
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "RCPT":
                    to.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Trim('<', '>').Split('>')[0]);
                    await writer.WriteLineAsync("250 ok");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append('\n');
                    }

                    _mails.Enqueue(new Mail(from, [.. to], user, password, data.ToString()));
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }
    }

    public sealed record Mail(string? From, IReadOnlyList<string> To, string? User, string? Password, string Data);
}
