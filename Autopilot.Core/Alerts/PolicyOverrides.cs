namespace Autopilot.Core.Alerts;

/// <summary>A policy write's validated minutes per severity; null when the body's <c>policy</c> was not an object.</summary>
public sealed record PolicyOverrides(IReadOnlyDictionary<string, int>? Minutes);
