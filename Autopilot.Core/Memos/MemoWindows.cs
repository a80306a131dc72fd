using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>
/// The memo's two 7-day windows as tenant-local dates (MEMO-1, with the timezone the seed only used as a label made
/// real): current = [today−7, today−1], previous = [today−14, today−8], where today is the tenant's local date.
/// </summary>
/// <param name="Today">The tenant-local date the windows end before.</param>
/// <param name="TimeZone">The IANA id the dates are in; their midnights bound the windows.</param>
public sealed record MemoWindows(DateOnly Today, string TimeZone, DateOnly CurrentStart, DateOnly CurrentEnd, DateOnly PreviousStart, DateOnly PreviousEnd)
{
    public const int Days = 7;

    public static MemoWindows For(DateOnly today, string timeZone) =>
        new(today, timeZone, today.AddDays(-Days), today.AddDays(-1), today.AddDays(-2 * Days), today.AddDays(-Days - 1));

    /// <summary>The tenant-local date at <paramref name="instant"/>: what "today" is for a tenant in <paramref name="timeZone"/>.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(timeZone)).DateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in the tenant's timezone.</summary>
    public DateTime UtcStartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), Zone(TimeZone));

    /// <summary>Every day of both windows, oldest first.</summary>
    public IEnumerable<DateOnly> AllDays() => Enumerable.Range(0, 2 * Days).Select(PreviousStart.AddDays);

    public bool IsCurrent(DateOnly day) => day >= CurrentStart && day <= CurrentEnd;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A known IANA (or Windows) id; unknown ids fall back to UTC rather than failing a memo.</summary>
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
