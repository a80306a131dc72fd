namespace Autopilot.Core.Memos;

/// <summary>
/// When a tenant's weekly memo is due, and the timezone its windows are computed in: a tenant setting
/// (<see cref="SettingName"/> in <c>TenantSettingsStore</c>). Default: Monday 08:00 UTC.
/// </summary>
/// <param name="TimeZone">An IANA timezone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Day">The day of the week the memo is written.</param>
/// <param name="Hour">The local hour (0–23) from which it is due.</param>
public sealed record MemoSchedule(string TimeZone, DayOfWeek Day, int Hour)
{
    public const string SettingName = "memo_schedule";

    public static MemoSchedule Default { get; } = new("UTC", DayOfWeek.Monday, 8);
}
