namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    /// <summary>Longest window a question may name, in days.</summary>
    public const int MaxWindowDays = 731;

    private static readonly string[] LastWords = ["last", "past", "previous", "prior", "trailing", "recent"];

    private bool ReadTime(out TimeGrain grain, out TimeWindow window, out bool defaulted, out bool compare)
    {
        grain = ReadGrain();
        compare = _text.HasAny("vs", "versus", "compared", "compare", "comparison", "wow", "mom", "dod", "yoy", "change", "growth",
                "grew", "increase", "increased", "decrease", "decreased", "delta", "difference")
            || _text.Has("week", "over", "week") || _text.Has("month", "over", "month") || _text.Has("day", "over", "day") || _text.Has("year", "over", "year");
        window = null!;
        defaulted = false;
        if (_text.HasAny("hour", "hours", "hourly", "minute", "minutes", "quarterly", "quarters"))
        {
            // Windows and grains the planner does not write; a guessed day window would answer another question.
            return false;
        }

        var windows = ReadWindows();
        if (windows is null)
        {
            return false;
        }

        if (windows.Count > 0)
        {
            window = windows[0];
        }
        else if (compare && (_text.HasAny("wow") || _text.Has("week", "over", "week")))
        {
            window = TimeWindow.LastWeeks(1);
        }
        else if (compare && (_text.HasAny("mom") || _text.Has("month", "over", "month")))
        {
            window = TimeWindow.LastMonths(1);
        }
        else if (compare && (_text.HasAny("dod") || _text.Has("day", "over", "day")))
        {
            window = TimeWindow.LastDays(1);
        }
        else if (compare && (_text.HasAny("yoy") || _text.Has("year", "over", "year")))
        {
            window = TimeWindow.LastYear();
        }
        else
        {
            defaulted = true;
            window = grain switch
            {
                TimeGrain.Week => TimeWindow.LastWeeks(4),
                TimeGrain.Month => TimeWindow.LastMonths(3),
                _ => TimeWindow.LastDays(TimeWindow.DefaultDays),
            };
        }

        // "trend of revenue over the last 8 weeks": a series at the grain the window is counted in.
        if (grain == TimeGrain.None && (_text.HasAny("trend", "trends", "trending", "evolution", "timeline", "series") || _text.Has("over", "time")))
        {
            grain = window.Period switch
            {
                WindowPeriod.Weeks => TimeGrain.Week,
                WindowPeriod.Months => TimeGrain.Month,
                _ => TimeGrain.Day,
            };
        }

        return true;
    }

    private TimeGrain ReadGrain()
    {
        bool Per(string unit) => _text.Has("per", unit) || _text.Has("by", unit) || _text.Has("each", unit) || _text.Has("every", unit) || _text.Has("a", unit);
        if (_text.HasAny("daily", "dau") || Per("day") || _text.Has("day", "by", "day"))
        {
            return TimeGrain.Day;
        }

        if (_text.HasAny("weekly", "wau") || Per("week") || _text.Has("week", "by", "week"))
        {
            return TimeGrain.Week;
        }

        return _text.HasAny("monthly", "mau") || Per("month") || _text.Has("month", "by", "month") ? TimeGrain.Month : TimeGrain.None;
    }

    // Every window the question names, in order; null when one is out of range.
    private List<TimeWindow>? ReadWindows()
    {
        var windows = new List<TimeWindow>();
        for (var i = 0; i < _text.Count; i++)
        {
            if (_text.Words[i].Quoted)
            {
                continue;
            }

            var word = _text[i];
            TimeWindow? found = null;
            var length = 1;
            var date = ReadDate(i);
            if (date.Invalid)
            {
                // "2026-02-30": not a day; a guess would answer another question.
                return null;
            }

            if (date.Window is { } dated)
            {
                (found, length) = (dated, date.Length);
                if (_text[i - 1] is "between" or "since" or "from")
                {
                    Use(i - 1, PlanElement.Window);
                }
            }
            else if (word == "today")
            {
                found = TimeWindow.Today();
            }
            else if (word == "yesterday")
            {
                found = TimeWindow.LastDays(1);
            }
            else if (word is "wtd" || (word == "week" && _text[i + 1] == "to" && _text[i + 2] == "date"))
            {
                (found, length) = (TimeWindow.ThisWeek(), word == "wtd" ? 1 : 3);
            }
            else if (word is "mtd" || (word == "month" && _text[i + 1] == "to" && _text[i + 2] == "date"))
            {
                (found, length) = (TimeWindow.ThisMonth(), word == "mtd" ? 1 : 3);
            }
            else if (word is "ytd" || (word == "year" && _text[i + 1] == "to" && _text[i + 2] == "date"))
            {
                (found, length) = (TimeWindow.ThisYear(), word == "ytd" ? 1 : 3);
            }
            else if (word is "this" or "current")
            {
                (found, length) = _text[i + 1] switch
                {
                    "week" => (TimeWindow.ThisWeek(), 2),
                    "month" => (TimeWindow.ThisMonth(), 2),
                    "year" => (TimeWindow.ThisYear(), 2),
                    _ => ((TimeWindow?)null, 1),
                };
            }
            else if (LastWords.Contains(word))
            {
                var number = Words.Number(_text[i + 1]);
                var unit = _text[i + (number is null ? 1 : 2)];
                length = number is null ? 2 : 3;
                var rolling = word is "past" or "trailing" or "recent";
                var n = number ?? 1;
                found = unit switch
                {
                    "day" or "days" => n * 1 <= MaxWindowDays ? TimeWindow.LastDays(n) : null,
                    "week" or "weeks" when number is null && rolling => TimeWindow.LastDays(7),
                    "week" or "weeks" => n * 7 <= MaxWindowDays ? TimeWindow.LastWeeks(n) : null,
                    "month" or "months" when number is null && rolling => TimeWindow.LastDays(TimeWindow.DefaultDays),
                    "month" or "months" => n * 31 <= MaxWindowDays ? TimeWindow.LastMonths(n) : null,
                    "year" or "years" when number is null && rolling => TimeWindow.LastDays(365),
                    "year" or "years" when number is null => TimeWindow.LastYear(),
                    "year" or "years" => n * 366 <= MaxWindowDays ? TimeWindow.LastMonths(12 * n) : null,
                    _ => null,
                };
                if (found is null && unit is "day" or "days" or "week" or "weeks" or "month" or "months" or "year" or "years")
                {
                    // A unit with a number out of range ("last 5000 days").
                    return null;
                }

                if (number is 0)
                {
                    return null;
                }
            }

            if (found is not null)
            {
                windows.Add(found);
                for (var k = i; k < i + length; k++)
                {
                    Use(k, PlanElement.Window);
                }

                i += length - 1;
            }
        }

        return windows;
    }
}
