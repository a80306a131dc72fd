using Autopilot.Core.Engine;

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

    /// <summary>Reads <c>hh:mm:ss[.fff]</c> between <see cref="Minimum"/> and <see cref="Maximum"/> (<see cref="IntervalSetting"/>).</summary>
    public static bool TryParse(string raw, out TimeSpan interval) => IntervalSetting.TryParse(raw, Minimum, Maximum, out interval);
}
