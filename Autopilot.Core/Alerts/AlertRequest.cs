namespace Autopilot.Core.Alerts;

/// <summary>An alert to raise (create, or update the open one with the same dedupe key) — AUTO-1/2 shapes.</summary>
public sealed record AlertRequest(string DedupeKey, string Title, string Message, string Severity, string SourceType, string? SourceId);
