namespace Autopilot.Core.Alerts;

/// <summary>
/// Minutes from an alert's raise (or last escalation) to its next escalation, per severity (ALERT-2); a tenant's overrides
/// are the tenant setting <see cref="SettingName"/>.
/// </summary>
public sealed record AlertPolicy(IReadOnlyDictionary<string, int> Minutes)
{
    public const string SettingName = "alert_policy";

    /// <summary>Longest escalation interval accepted: a week.</summary>
    public const int MaxMinutes = 7 * 24 * 60;

    public static IReadOnlyList<string> Severities { get; } = ["P0", "P1", "P2", "P3"];

    public static AlertPolicy Default { get; } = new(new Dictionary<string, int>(StringComparer.Ordinal) { ["P0"] = 15, ["P1"] = 30, ["P2"] = 60, ["P3"] = 120 });

    /// <summary>The escalation interval of <paramref name="severity"/>, its minutes counted in the alert clock's <paramref name="minute"/> (ALERT_MINUTE).</summary>
    public TimeSpan For(string severity, TimeSpan minute) => minute * Minutes[severity];

    /// <summary>This policy with <paramref name="overrides"/> applied (keys already validated).</summary>
    public AlertPolicy With(IReadOnlyDictionary<string, int> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, int>(Minutes, StringComparer.Ordinal);
        foreach (var (severity, minutes) in overrides)
        {
            merged[severity] = minutes;
        }

        return new AlertPolicy(merged);
    }
}
