namespace Autopilot.Core.Alerts;

/// <summary>A snooze's validated input: how many minutes, and why.</summary>
public sealed record SnoozeRequest(int Minutes, string? Reason);
