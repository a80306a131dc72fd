namespace Autopilot.Core.Alerts;

/// <summary>Body of <c>POST /api/v1/alerts</c> (spec §8).</summary>
public sealed record AlertRequestBody(
    string? OrgId,
    string? DedupeKey,
    string? Title,
    string? Message,
    string? Severity = "P2",
    string? SourceType = "system",
    string? SourceId = null);
