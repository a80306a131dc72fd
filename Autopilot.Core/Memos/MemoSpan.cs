namespace Autopilot.Core.Memos;

/// <summary>An inclusive span of dates, <c>yyyy-MM-dd</c>.</summary>
public sealed record MemoSpan(string Start, string End);
