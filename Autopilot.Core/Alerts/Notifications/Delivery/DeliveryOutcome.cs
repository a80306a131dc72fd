namespace Autopilot.Core.Alerts.Notifications.Delivery;

/// <summary>
/// Where a notification stands after an attempt call: <see cref="Done"/> when it was sent or gave up; otherwise the
/// orchestration waits until <see cref="WaitUntil"/> and calls for <see cref="NextAttempt"/>. <see cref="Attempted"/>:
/// this call itself sent (a call that found the attempt claimed or finished by another did not).
/// </summary>
public sealed record DeliveryOutcome(string NotificationId, string Status, bool Done, int NextAttempt, DateTimeOffset? WaitUntil, bool Attempted);
