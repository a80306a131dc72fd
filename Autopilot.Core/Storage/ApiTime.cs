using System.Globalization;

namespace Autopilot.Core.Storage;

/// <summary>Timestamps as the seed's clients parse them: naive UTC ISO-8601 with microseconds (spec §0.1).</summary>
public static class ApiTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;
}
