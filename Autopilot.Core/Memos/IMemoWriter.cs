namespace Autopilot.Core.Memos;

/// <summary>Writes a memo (MEMO-9's five sections) from a packet; on a retry, told the previous attempt's validation errors.</summary>
public interface IMemoWriter
{
    Task<MemoDraft> WriteAsync(MemoPacket packet, IReadOnlyList<string> previousErrors, CancellationToken cancellation);
}
