using System.Globalization;

namespace Autopilot.Core.Engine;

/// <summary>Interval settings that both runtimes read (the server's loops, the Functions timers' <c>%…%</c> schedules).</summary>
public static class IntervalSetting
{
    /// <summary>Reads <c>hh:mm:ss[.fff]</c> within [min, max]; a bare number is refused (TimeSpan would read "60" as 60 days).</summary>
    public static bool TryParse(string? raw, TimeSpan minimum, TimeSpan maximum, out TimeSpan interval)
    {
        interval = default;
        return raw is not null
            && raw.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out interval)
            && interval >= minimum
            && interval <= maximum;
    }
}
