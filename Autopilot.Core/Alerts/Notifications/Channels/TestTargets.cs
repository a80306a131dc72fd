namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>Recognises the test targets as the seed did: trimmed, case-insensitive prefix.</summary>
public static class TestTargets
{
    public static TestTarget Of(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var t = target.Trim();
        return t.StartsWith("fail://", StringComparison.OrdinalIgnoreCase) ? TestTarget.Fail
            : t.StartsWith("flaky://", StringComparison.OrdinalIgnoreCase) ? TestTarget.Flaky
            : TestTarget.None;
    }
}
