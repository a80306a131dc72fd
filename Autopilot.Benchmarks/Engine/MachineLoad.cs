using System.Globalization;

namespace Autopilot.Benchmarks.Engine;

/// <summary>
/// Whole-machine busy CPU time from /proc/stat (Linux; USER_HZ = 100), so a run can say how much of the cores
/// went to other processes (builds and tests running alongside skew throughput figures on 2 cores).
/// </summary>
internal static class MachineLoad
{
    public static TimeSpan? BusyCpu()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait.
            var busy = fields.Sum() - fields[3] - fields[4];
            if (fields.Length > 8)
            {
                busy -= fields.Skip(8).Sum(); // guest time is already counted in user
            }

            return TimeSpan.FromSeconds(busy / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "-";
        }
    }
}
