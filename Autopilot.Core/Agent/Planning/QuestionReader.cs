namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// Reads a question against the catalog's roles into a <see cref="PlanRequest"/>, or gives up (null) when any part of
/// it cannot be honoured: an answer that silently ignored a filter or a split would be wrong, not partial. When
/// <c>lenient</c> (a replan), parts that name nothing in the catalog are dropped instead, each with a note.
/// </summary>
internal sealed partial class QuestionReader
{
    // Verbs that ask for something other than a read of aggregates: changes, forecasts, explanations.
    private static readonly string[] RefusedWords =
    [
        "drop", "delete", "insert", "update", "truncate", "alter", "create", "grant", "revoke", "merge", "remove",
        "predict", "forecast", "why", "explain",
    ];

    private readonly QuestionText _text;
    private readonly CatalogRoles _roles;
    private readonly bool _lenient;
    private readonly List<string> _notes = [];

    // Word positions already read as part of something (a window, a split, a value), so nothing reads them twice.
    private readonly Dictionary<int, PlanElement> _used = [];

    // The day relative windows are counted from and a month without a year is placed by (the most recent one begun).
    private readonly DateOnly _today;

    private QuestionReader(QuestionText text, CatalogRoles roles, bool lenient, DateOnly today)
    {
        _text = text;
        _roles = roles;
        _lenient = lenient;
        _today = today;
    }

    /// <summary>
    /// The question read into a request, or why not: the words it could not use (the run then asks about them), or
    /// nothing (not a question this planner reads).
    /// </summary>
    public static QuestionReading Read(string question, CatalogRoles roles, bool lenient, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (string.IsNullOrWhiteSpace(question) || question.Length > QuestionText.MaxLength
            || question.Contains('@', StringComparison.Ordinal) || question.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)))
        {
            return new QuestionReading(null, []);
        }

        var reader = new QuestionReader(QuestionText.Read(question), roles, lenient, today);
        var request = reader.Read();
        if (request is null && reader._uncovered is { } uncovered)
        {
            return new QuestionReading(null, reader.WindowWords()) { Uncovered = uncovered };
        }

        if (request is null)
        {
            return new QuestionReading(null, reader.UnknownWords());
        }

        var words = reader.Account(request, out var unused);
        if (unused.Count > 0 && !lenient)
        {
            return new QuestionReading(null, unused);
        }

        if (unused.Count > 0)
        {
            request = request with { Notes = [.. request.Notes, .. unused.Select(w => $"Left out \"{w}\": nothing in the catalog that validates matches it.")] };
        }

        return new QuestionReading(request with { Question = question, Words = words, Today = today }, []);
    }

    private PlanRequest? Read()
    {
        if (_text.HasAny(RefusedWords))
        {
            return null;
        }

        var steps = KnownSteps(FunnelSteps());
        var groups = GroupCandidates();
        _without = ReadAntiJoin();
        var perEntity = _without is null ? ReadPerEntity() : null;
        var measure = perEntity?.Measure ?? (_without is null ? ReadMeasure(steps, groups) : WithoutMeasure());
        if (measure is null || !ReadTime(out var grain, out var window, out var defaulted, out var compare))
        {
            return null;
        }

        if (perEntity is not null && (grain != TimeGrain.None || compare))
        {
            // An average per person per day is a different question; not one this reader writes.
            return null;
        }

        AntiJoin? antiJoin = null;
        if (_without is not null)
        {
            // "users who never ordered in the last 30 days": the window is the one with no order; the people are all of them.
            if (grain != TimeGrain.None || compare)
            {
                return null;
            }

            antiJoin = new AntiJoin(_without, defaulted ? TimeWindow.AllTime() : window);
            (window, defaulted) = (TimeWindow.AllTime(), false);
        }

        // "number of users by country", "how many users": people, not active people, and with no window named, all of them.
        if (measure.Kind == MeasureKind.ActiveUsers && defaulted && grain == TimeGrain.None && !compare && _roles.Entity is { } entity
            && !_text.HasAny("active", "dau", "wau", "mau", "engaged"))
        {
            measure = new Measure(MeasureKind.Entities, entity, "COUNT", null, PlanSql.Alias(entity.Name), $"{entity.Name} (rows of {entity.Display})");
            (window, defaulted) = (TimeWindow.AllTime(), false);
        }

        if (!ReadGroup(measure, groups, out var group, out var thenBy, out var top, out var ascending) || !ReadFilters(measure, out var filters))
        {
            return null;
        }

        if (!Covered(measure.Table, window) || (antiJoin is not null && !Covered(antiJoin.Table, antiJoin.Window)))
        {
            return null;
        }

        return Combine(new PlanRequest(measure, grain, window, defaulted, compare, group, top, ascending, filters, steps, _notes) { Without = antiJoin, PerEntity = perEntity?.Person, ThenBy = thenBy });
    }

    // People counted by what they lack: every row of the entity ("users who never ordered" are users, not orders).
    private Measure? WithoutMeasure() =>
        _roles.Entity is { } entity && HasPeopleNoun()
            ? new Measure(MeasureKind.Entities, entity, "COUNT", null, PlanSql.Alias(entity.Name), $"{entity.Name} (rows of {entity.Display})")
            : null;

    // What the composers can write: a few combinations make no sense or are not covered, and are refused whole.
    private PlanRequest? Combine(PlanRequest request)
    {
        if (request.ThenBy is not null && (request.Compare || request.PerEntity is not null || request.Grain != TimeGrain.None
            || request.Measure.Kind is MeasureKind.Funnel or MeasureKind.Retention or MeasureKind.Conversion))
        {
            // Two splits are written for a plain breakdown only.
            return null;
        }

        switch (request.Measure.Kind)
        {
            case MeasureKind.Funnel:
                return request.GroupBy is null && request.Filters.Count == 0 && request.Grain == TimeGrain.None
                    ? request with { Compare = false }
                    : null;
            case MeasureKind.Retention:
                // The grain names the periods compared (weekly or monthly retention).
                return request.GroupBy is null && request.Filters.Count == 0 && request.Grain != TimeGrain.Day && request.Window.Period != WindowPeriod.Fixed
                    ? request with { Compare = false }
                    : null;
            case MeasureKind.Conversion:
                return request.Grain == TimeGrain.None && !request.Compare ? request : null;
        }

        if (request.Window.Period == WindowPeriod.Fixed && request.Compare)
        {
            // "March vs February" names both periods; comparing a named period with "the one before" would guess.
            return null;
        }

        if (request.Measure.Kind == MeasureKind.Share && (request.Compare || !request.Filters.Any(f => f.Table == request.Measure.Table)))
        {
            // A percentage of what? Without a condition on the measured rows there is nothing to divide.
            return null;
        }

        if (request.Top is not null && request.Grain != TimeGrain.None)
        {
            return null;
        }

        if (request.Compare && request.Grain != TimeGrain.None)
        {
            _notes.Add($"Compared totals only: the question's {request.Grain.ToString().ToLowerInvariant()} split is left out of a comparison.");
            request = request with { Grain = TimeGrain.None };
        }

        return request;
    }

    private bool Drop(string note)
    {
        if (!_lenient)
        {
            return false;
        }

        _notes.Add(note);
        return true;
    }

    // A word that can be a filter value or an event name: quoted text as written (it is only ever a quoted literal), or
    // an unquoted word that is not part of the question's frame.
    private static bool IsValue(QuestionWord word) =>
        word.Text is { Length: > 0 and <= 64 } text
        && (word.Quoted
            ? !text.Any(char.IsControl)
            : !Words.Structural.Contains(text) && text != "→" && text != "%"
                && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or '\''));
}
