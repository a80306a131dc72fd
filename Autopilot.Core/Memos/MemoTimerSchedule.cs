using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>
/// How often the weekly memo timer looks for due tenants, read by both runtimes like <c>QUEUE_POLL_INTERVAL</c>: the
/// server's hosted loop parses it and the Functions TimerTrigger takes it as its schedule (<see cref="TimerSchedule"/>).
/// <see cref="EnabledSetting"/> turns the timer off (tests, or a replica that should only serve HTTP).
/// </summary>
public static class MemoTimerSchedule
{
    public const string Setting = "MEMO_TIMER_INTERVAL";

    public const string EnabledSetting = "MEMO_TIMER_ENABLED";

    /// <summary>The Functions TimerTrigger schedule: the same app setting.</summary>
    public const string TimerSchedule = "%" + Setting + "%";

    public static TimeSpan Default { get; } = TimeSpan.FromMinutes(1);

    public static TimeSpan Minimum { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Under an hour, so a slot is started within the hour it falls due.</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromHours(1);

    /// <summary>Reads <c>hh:mm:ss[.fff]</c>; a bare number is refused (TimeSpan would read "60" as 60 days).</summary>
    public static bool TryParse(string raw, out TimeSpan interval)
    {
        interval = default;
        return raw is not null
            && raw.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParse(raw, CultureInfo.InvariantCulture, out interval)
            && interval >= Minimum
            && interval <= Maximum;
    }
}
