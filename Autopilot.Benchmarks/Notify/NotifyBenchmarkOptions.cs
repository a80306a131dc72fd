using System.Globalization;

namespace Autopilot.Benchmarks.Notify;

/// <summary>Options of <c>notify</c>: a running server, how many alerts, how many raised at once, the server's alert minute.</summary>
public sealed record NotifyBenchmarkOptions(Uri Server, int Alerts, int Parallel, TimeSpan AlertMinute, TimeSpan Timeout)
{
    public const string Usage = """
        notify --server URL [--alerts N] [--parallel P] [--alert-minute-ms M] [--timeout S]
          raises N alerts (P at a time) on a server started with ALERT_MINUTE = M ms, routed to three channels of an
          in-process receiver: two webhooks that answer 200 and a Slack-shaped one that answers 500 to each
          notification's first attempt (so every third notification is retried after 1 alert-minute). Reports
          notifications/s (accepted deliveries over the time from the first raise to the last delivery) and the delay from
          due time to delivery: raise → first delivery, and (first failure + 1 alert-minute) → the retry's delivery.
        scripts/bench.sh notify [args] starts its own Azurite and server and runs this.
        """;

    public static NotifyBenchmarkOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Uri? server = null;
        int alerts = 100, parallel = 8;
        var minute = TimeSpan.FromSeconds(1);
        var timeout = TimeSpan.FromMinutes(5);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--server": server = new Uri(value.TrimEnd('/') + "/"); break;
                case "--alerts": alerts = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--parallel": parallel = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--alert-minute-ms": minute = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--timeout": timeout = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        return new NotifyBenchmarkOptions(server ?? throw new ArgumentException("--server is required\n" + Usage), alerts, parallel, minute, timeout);
    }
}
