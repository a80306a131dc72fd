namespace Autopilot.Core.Alerts.Notifications.Channels;

/// <summary>The seed's test targets (NTF-5): <c>fail://</c> always fails, <c>flaky://</c> fails the first attempt only.</summary>
public enum TestTarget
{
    None,
    Fail,
    Flaky,
}
