namespace Autopilot.Core.Memos;

/// <summary>The packet's <c>time_window</c>: both windows as inclusive tenant-local dates, and the timezone they are in.</summary>
public sealed record MemoPacketWindow(MemoSpan Current, MemoSpan Previous, string Timezone);
