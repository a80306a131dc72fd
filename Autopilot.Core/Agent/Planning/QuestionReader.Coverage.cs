using System.Globalization;

namespace Autopilot.Core.Agent.Planning;

internal sealed partial class QuestionReader
{
    /// <summary>Why the data cannot answer for the window the question names, once the reading found that; null otherwise.</summary>
    private string? _uncovered;

    // Whether the profiled data of the table can answer for the window: a window wholly before its first row, wholly
    // after its last (and closed before it was profiled) or in the future has nothing to count, and a 0 would read as
    // "nothing happened" — the run says so instead. A window only partly covered is answered with a note.
    private bool Covered(PlanTable table, TimeWindow window)
    {
        if (window.IsAllTime)
        {
            return true;
        }

        var (start, end) = window.Dates(_today);
        var named = $"{window.Description} ({window.Span(_today)})";
        if (start > _today)
        {
            _uncovered = $"{Capitalized(named)} is in the future: there is no data for it yet.";
            return false;
        }

        var column = table.Column(table.TimeColumn);
        if (Day(column?.Min) is not { } first || Day(column?.Max) is not { } last)
        {
            return true;
        }

        var profiled = DateOnly.FromDateTime(table.Table.ProfiledAt.UtcDateTime);
        if ((end is { } before && before <= first) || (start > last && end is { } closed && closed <= profiled))
        {
            _uncovered = $"The data in {table.Display} runs from {TimeWindow.Iso(first)} to {TimeWindow.Iso(last)}; {named} is outside it, so there is nothing to count, and an answer of 0 would wrongly read as \"nothing happened\".";
            return false;
        }

        if (start < first)
        {
            _notes.Add($"The data in {table.Display} starts on {TimeWindow.Iso(first)}: {window.Description} is covered from that day only.");
        }

        return true;
    }

    /// <summary>The words that named the window, for the run to ask about.</summary>
    private List<string> WindowWords() =>
        _used.Where(u => u.Value == PlanElement.Window).OrderBy(u => u.Key).Select(u => _text.Words[u.Key].Original).ToList();

    // The day of a profiled minimum or maximum ("2026-09-07T00:00:12Z", "2026-09-07").
    private static DateOnly? Day(string? value) =>
        value is { Length: >= 10 } && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
