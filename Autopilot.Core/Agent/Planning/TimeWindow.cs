namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// A span of whole days, [start, end), with both bounds relative to today (UTC), so the same plan answers on any day.
/// An open end runs up to now (this week, this month, today so far).
/// </summary>
internal sealed record TimeWindow(DateBound Start, DateBound? End, string Description, WindowPeriod Period)
{
    /// <summary>The window the planner uses when the question names none.</summary>
    public const int DefaultDays = 30;

    public static TimeWindow LastDays(int days) => new(
        new(WindowAnchor.Today, days, WindowUnit.Day), new(WindowAnchor.Today, 0, WindowUnit.Day),
        days == 1 ? "yesterday" : $"the last {days} days (the {days} complete days before today)", WindowPeriod.Days);

    public static TimeWindow LastWeeks(int weeks) => new(
        new(WindowAnchor.WeekStart, 7 * weeks, WindowUnit.Day), new(WindowAnchor.WeekStart, 0, WindowUnit.Day),
        weeks == 1 ? "last week (Monday to Sunday)" : $"the last {weeks} complete weeks (Monday to Sunday)", WindowPeriod.Weeks);

    public static TimeWindow LastMonths(int months) => new(
        new(WindowAnchor.MonthStart, months, WindowUnit.Month), new(WindowAnchor.MonthStart, 0, WindowUnit.Month),
        months == 1 ? "last month" : $"the last {months} complete months", WindowPeriod.Months);

    public static TimeWindow LastYear() => new(
        new(WindowAnchor.YearStart, 12, WindowUnit.Month), new(WindowAnchor.YearStart, 0, WindowUnit.Month), "last year", WindowPeriod.Months);

    /// <summary>Every row up to now: what a question about a whole table means when it names no window ("users by country").</summary>
    public static TimeWindow AllTime() => new(new(WindowAnchor.Today, 0, WindowUnit.Day), null, "all time (every row up to now)", WindowPeriod.AllTime);

    public bool IsAllTime => Period == WindowPeriod.AllTime;

    public static TimeWindow Today() => new(new(WindowAnchor.Today, 0, WindowUnit.Day), null, "today so far", WindowPeriod.ToDate);

    public static TimeWindow ThisWeek() => new(new(WindowAnchor.WeekStart, 0, WindowUnit.Day), null, "this week so far (since Monday)", WindowPeriod.ToDate);

    public static TimeWindow ThisMonth() => new(new(WindowAnchor.MonthStart, 0, WindowUnit.Day), null, "this month so far", WindowPeriod.ToDate);

    public static TimeWindow ThisYear() => new(new(WindowAnchor.YearStart, 0, WindowUnit.Day), null, "this year so far", WindowPeriod.ToDate);

    /// <summary>
    /// The window and the one it is compared with. A closed window is compared with the same span just before it; a
    /// window "so far" (this week) is cut to its complete days and compared with the same days one period earlier, so
    /// both sides cover equal time.
    /// </summary>
    public (TimeWindow Current, TimeWindow Previous) WithPrevious()
    {
        if (End is { } end)
        {
            var span = Start.Back - end.Back;
            var previous = new TimeWindow(Start with { Back = Start.Back + span }, end with { Back = end.Back + span }, PreviousDescription(), Period);
            return (this, previous);
        }

        var today = new DateBound(WindowAnchor.Today, 0, WindowUnit.Day);
        return Start.Anchor switch
        {
            WindowAnchor.WeekStart => (
                this with { End = today, Description = "this week's complete days (Monday to yesterday)" },
                new(Start with { Back = 7 }, today with { Back = 7 }, "the same days of last week", WindowPeriod.Days)),
            WindowAnchor.MonthStart => (
                this with { End = today, Description = "this month's complete days (the 1st to yesterday)" },
                new(Start with { Back = 1, Unit = WindowUnit.Month }, today with { Back = 1, Unit = WindowUnit.Month }, "the same days of last month", WindowPeriod.Days)),
            WindowAnchor.YearStart => (
                this with { End = today, Description = "this year's complete days (1 January to yesterday)" },
                new(Start with { Back = 12, Unit = WindowUnit.Month }, today with { Back = 12, Unit = WindowUnit.Month }, "the same days of last year", WindowPeriod.Days)),
            _ => (this, LastDays(1)),
        };
    }

    /// <summary>From <paramref name="start"/> up to <paramref name="end"/> (exclusive; open when null): dates the question names.</summary>
    public static TimeWindow Fixed(DateOnly start, DateOnly? end, string description) => new(
        DateBound.At(start), end is { } e ? DateBound.At(e) : null, description, WindowPeriod.Fixed);

    /// <summary>The first day of the window and the day after its last (null when it runs up to now), on <paramref name="today"/>.</summary>
    public (DateOnly Start, DateOnly? End) Dates(DateOnly today) => (Start.On(today), End?.On(today));

    /// <summary>"2026-11-01 to 2026-11-30", "2026-12-01 to today (2026-12-06)": the window in dates, for people.</summary>
    public string Span(DateOnly today)
    {
        if (IsAllTime)
        {
            return $"up to today ({Iso(today)})";
        }

        var (start, end) = Dates(today);
        return end is { } e ? $"{Iso(start)} to {Iso(e.AddDays(-1))}" : $"{Iso(start)} to today ({Iso(today)})";
    }

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"over the last 7 days", "for yesterday": the window as the end of a sentence.</summary>
    public string Phrase => IsAllTime ? "over " + Description : Description.StartsWith("the ", StringComparison.Ordinal) ? "over " + Description : "for " + Description;

    private string PreviousDescription()
    {
        var span = Start.Back - End!.Back;
        return (Period, span) switch
        {
            (WindowPeriod.Weeks, 7) => "the week before",
            (WindowPeriod.Weeks, _) => $"the {PlanSql.Number(span / 7)} weeks before",
            (WindowPeriod.Months, 1) => Start.Anchor == WindowAnchor.YearStart ? "the months before" : "the month before",
            (WindowPeriod.Months, _) => $"the {PlanSql.Number(span)} months before",
            (_, 1) => "the day before",
            _ => $"the {PlanSql.Number(span)} days before",
        };
    }
}

/// <summary>A day relative to today: <see cref="Anchor"/> minus <see cref="Back"/> days or months (or a fixed date).</summary>
internal sealed record DateBound(WindowAnchor Anchor, int Back, WindowUnit Unit)
{
    /// <summary>The date itself, for a <see cref="WindowAnchor.Fixed"/> bound.</summary>
    public DateOnly Date { get; init; }

    public static DateBound At(DateOnly date) => new(WindowAnchor.Fixed, 0, WindowUnit.Day) { Date = date };

    /// <summary>The day this bound names when today is <paramref name="today"/>.</summary>
    public DateOnly On(DateOnly today)
    {
        var anchor = Anchor switch
        {
            WindowAnchor.Fixed => Date,
            WindowAnchor.WeekStart => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            WindowAnchor.MonthStart => new DateOnly(today.Year, today.Month, 1),
            WindowAnchor.YearStart => new DateOnly(today.Year, 1, 1),
            _ => today,
        };
        return Unit == WindowUnit.Month ? anchor.AddMonths(-Back) : anchor.AddDays(-Back);
    }

    /// <summary>The day as a BigQuery DATE expression.</summary>
    public string Sql
    {
        get
        {
            if (Anchor == WindowAnchor.Fixed)
            {
                return $"DATE '{TimeWindow.Iso(Date)}'";
            }

            var anchor = Anchor switch
            {
                WindowAnchor.WeekStart => "DATE_TRUNC(CURRENT_DATE(), WEEK(MONDAY))",
                WindowAnchor.MonthStart => "DATE_TRUNC(CURRENT_DATE(), MONTH)",
                WindowAnchor.YearStart => "DATE_TRUNC(CURRENT_DATE(), YEAR)",
                _ => "CURRENT_DATE()",
            };
            return Back == 0 ? anchor : $"DATE_SUB({anchor}, INTERVAL {PlanSql.Number(Back)} {(Unit == WindowUnit.Month ? "MONTH" : "DAY")})";
        }
    }
}

/// <summary>The day a window is counted from.</summary>
internal enum WindowAnchor
{
    Today,
    WeekStart,
    MonthStart,
    YearStart,

    /// <summary>A date the question names ("March 2026", "2026-11-02").</summary>
    Fixed,
}

internal enum WindowUnit
{
    Day,
    Month,
}

/// <summary>How a window was named: so many days, weeks or months, or a period so far.</summary>
internal enum WindowPeriod
{
    Days,
    Weeks,
    Months,
    ToDate,
    AllTime,

    /// <summary>Dates the question names: a day, a month, a quarter, a year, a range.</summary>
    Fixed,
}
