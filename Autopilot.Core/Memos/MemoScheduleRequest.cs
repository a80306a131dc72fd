namespace Autopilot.Core.Memos;

/// <summary>Body of <c>POST /api/v1/memos/schedule</c>: <c>{"time_zone":"Europe/Berlin","day":"monday","hour":8}</c>.</summary>
public sealed record MemoScheduleRequest(string? TimeZone, string? Day, int? Hour);
