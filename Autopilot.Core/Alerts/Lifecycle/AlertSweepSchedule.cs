using Autopilot.Core.Engine;

namespace Autopilot.Core.Alerts.Lifecycle;

/// <summary>
/// How often the alert lifecycle sweep runs, read by both runtimes like <c>MEMO_TIMER_INTERVAL</c>: the server's hosted
/// loop parses it and the Functions TimerTrigger takes it as its schedule (<see cref="TimerSchedule"/>).
/// </summary>
public static class AlertSweepSchedule
{
    public const string Setting = "ALERT_SWEEP_INTERVAL";

    public const string EnabledSetting = "ALERT_SWEEP_ENABLED";

    /// <summary>The Functions TimerTrigger schedule: the same app setting.</summary>
    public const string TimerSchedule = "%" + Setting + "%";

    public static TimeSpan Default { get; } = TimeSpan.FromMinutes(1);

    public static TimeSpan Minimum { get; } = TimeSpan.FromSeconds(1);

    /// <summary>An hour at most: a lifecycle lost to a crash is repaired within the hour.</summary>
    public static TimeSpan Maximum { get; } = TimeSpan.FromHours(1);

    public static bool TryParse(string raw, out TimeSpan interval) => IntervalSetting.TryParse(raw, Minimum, Maximum, out interval);
}
