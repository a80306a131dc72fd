using Autopilot.Core.Engine;

namespace Autopilot.Core.Admission;

/// <summary>
/// The one setting for how often the queue sweep runs, read by both runtimes: the server's background loop parses it,
/// and the Functions timer takes it as its schedule (<see cref="TimerSchedule"/>, an app-setting expression the
/// Functions host resolves). So it is a TimeSpan (<c>hh:mm:ss[.fff]</c>), the form a TimerTrigger schedule accepts
/// besides CRON, which the server loop could not follow.
/// </summary>
public static class QueuePolling
{
    public const string Setting = "QUEUE_POLL_INTERVAL";

    /// <summary>The Functions TimerTrigger schedule: the same app setting.</summary>
    public const string TimerSchedule = "%" + Setting + "%";

    /// <summary>The earlier millisecond setting; refused at start so two settings never disagree.</summary>
    public const string ReplacedSetting = "QUEUE_POLL_INTERVAL_MS";

    public static TimeSpan Default { get; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Minimum { get; } = TimeSpan.FromMilliseconds(50);

    public static TimeSpan Maximum { get; } = TimeSpan.FromMinutes(10);

    /// <summary>Reads <c>hh:mm:ss[.fff]</c> between <see cref="Minimum"/> and <see cref="Maximum"/> (<see cref="IntervalSetting"/>).</summary>
    public static bool TryParse(string raw, out TimeSpan interval) => IntervalSetting.TryParse(raw, Minimum, Maximum, out interval);
}
