using System.Globalization;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    // Three-letter forms, but not "may" or "mar" alone: "may" is a verb, so the full name needs a year or "in" before it.
    private static readonly string[] MonthShort = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Earliest and latest year a question may name.</summary>
    private const int MinYear = 1990, MaxYear = 2100;

    /// <summary>A window the question names in dates, the words it took, or <see cref="Invalid"/> for a date that is none.</summary>
    private sealed record DateReading(TimeWindow? Window, int Length, bool Invalid = false)
    {
        public static DateReading None { get; } = new(null, 1);

        public static DateReading Wrong { get; } = new(null, 1, true);
    }

    // "March 2026", "in March", "Q3 2025", "on 2026-11-02", "between 2026-10-01 and 2026-10-15", "since 2026-10-01",
    // "in 2025", "this quarter", "last quarter": windows with dates, counted from _today when the year is left out.
    private DateReading ReadDate(int i)
    {
        var word = _text[i];
        var before = _text[i - 1];
        if (word is "this" or "current" && _text[i + 1] == "quarter" || word is "qtd" || (word == "quarter" && _text[i + 1] == "to" && _text[i + 2] == "date"))
        {
            var start = QuarterStart(_today);
            return new(TimeWindow.Fixed(start, null, "this quarter so far"), word == "qtd" ? 1 : word == "quarter" ? 3 : 2);
        }

        if (word is "last" or "previous" or "prior" && _text[i + 1] == "quarter")
        {
            var end = QuarterStart(_today);
            return new(TimeWindow.Fixed(end.AddMonths(-3), end, "last quarter"), 2);
        }

        if (word.Length == 2 && word[0] == 'q' && word[1] is >= '1' and <= '4')
        {
            var quarter = word[1] - '0';
            var year = Year(_text[i + 1]);
            var start = new DateOnly(year ?? _today.Year, 3 * quarter - 2, 1);
            if (year is null && start > _today)
            {
                start = start.AddYears(-1);
            }

            return new(TimeWindow.Fixed(start, start.AddMonths(3), $"Q{quarter} {start.Year}"), year is null ? 1 : 2);
        }

        var month = Array.IndexOf(MonthNames, word) is var m and >= 0 ? m + 1 : Array.IndexOf(MonthShort, word) is var s and >= 0 && word.Length > 0 ? s + 1 : 0;
        if (month > 0)
        {
            var year = Year(_text[i + 1]);
            if (word == "may" && year is null && before is not ("in" or "during" or "for" or "of" or "since"))
            {
                return DateReading.None;
            }

            var start = new DateOnly(year ?? _today.Year, month, 1);
            if (year is null && start > _today)
            {
                start = start.AddYears(-1);
            }

            var name = start.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
            return before == "since"
                ? new(TimeWindow.Fixed(start, null, $"the days since 1 {name}"), year is null ? 1 : 2)
                : new(TimeWindow.Fixed(start, start.AddMonths(1), name), year is null ? 1 : 2);
        }

        if (IsoDate(i) is { } day)
        {
            if (day.Date is not { } first)
            {
                return DateReading.Wrong;
            }

            // "between 2026-10-01 and 2026-10-15", "from … to …": both days included.
            if (before is "between" or "from" && _text[i + 3] is "and" or "to" && IsoDate(i + 4) is { } last)
            {
                return last.Date is { } l && l >= first
                    ? new(TimeWindow.Fixed(first, l.AddDays(1), $"the days from {TimeWindow.Iso(first)} to {TimeWindow.Iso(l)}"), 7)
                    : DateReading.Wrong;
            }

            return before == "since"
                ? new(TimeWindow.Fixed(first, null, $"the days since {TimeWindow.Iso(first)}"), 3)
                : new(TimeWindow.Fixed(first, first.AddDays(1), TimeWindow.Iso(first)), 3);
        }

        if (before is "in" or "during" or "for" && Year(word) is { } whole)
        {
            var start = new DateOnly(whole, 1, 1);
            return new(TimeWindow.Fixed(start, start.AddYears(1), $"the year {whole}"), 1);
        }

        return DateReading.None;
    }

    // "2026-11-02" reads as three words (hyphens split words): a year, a month and a day; Date is null when they name no day.
    private (DateOnly? Date, bool Found)? IsoDate(int i)
    {
        if (_text[i].Length != 4 || Year(_text[i]) is not { } year || _text[i + 1] is not { Length: 1 or 2 } m || _text[i + 2] is not { Length: 1 or 2 } d
            || !m.All(char.IsAsciiDigit) || !d.All(char.IsAsciiDigit))
        {
            return null;
        }

        var month = int.Parse(m, CultureInfo.InvariantCulture);
        var day = int.Parse(d, CultureInfo.InvariantCulture);
        return (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null, true);
    }

    private static int? Year(string word) =>
        word.Length == 4 && word.All(char.IsAsciiDigit) && int.Parse(word, CultureInfo.InvariantCulture) is var y and >= MinYear and <= MaxYear ? y : null;

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1);
}
