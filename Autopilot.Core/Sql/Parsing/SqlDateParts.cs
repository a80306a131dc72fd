using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>The date parts each construct accepts, and the functions that take a date part as an argument.</summary>
internal static class SqlDateParts
{
    public static FrozenSet<string> Extractable { get; } = FrozenSet.ToFrozenSet(
    [
        "NANOSECOND", "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAYOFWEEK", "DAY", "DAYOFYEAR", "WEEK",
        "ISOWEEK", "MONTH", "QUARTER", "YEAR", "ISOYEAR", "DATE", "TIME", "DATETIME",
    ], StringComparer.Ordinal);

    /// <summary>Parts for *_TRUNC, *_DIFF and LAST_DAY.</summary>
    public static FrozenSet<string> Granularities { get; } = FrozenSet.ToFrozenSet(
    [
        "NANOSECOND", "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "ISOWEEK", "MONTH",
        "QUARTER", "YEAR", "ISOYEAR",
    ], StringComparer.Ordinal);

    public static FrozenSet<string> IntervalUnits { get; } = FrozenSet.ToFrozenSet(
    [
        "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR",
    ], StringComparer.Ordinal);

    public static FrozenSet<string> Weekdays { get; } = FrozenSet.ToFrozenSet(
        ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"], StringComparer.Ordinal);

    // Function (upper case, without SAFE.) → the argument position that is a date part.
    private static readonly FrozenDictionary<string, int> DatePartArgument = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["DATE_TRUNC"] = 1,
        ["DATETIME_TRUNC"] = 1,
        ["TIMESTAMP_TRUNC"] = 1,
        ["TIME_TRUNC"] = 1,
        ["DATE_DIFF"] = 2,
        ["DATETIME_DIFF"] = 2,
        ["TIMESTAMP_DIFF"] = 2,
        ["TIME_DIFF"] = 2,
        ["LAST_DAY"] = 1,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>True when argument <paramref name="index"/> of <paramref name="function"/> is a date part.</summary>
    public static bool IsDatePartArgument(string? function, int index) =>
        function is not null && DatePartArgument.TryGetValue(function, out var position) && position == index;
}
