namespace Autopilot.Core.Memos;

/// <summary>Everything the memo artifact version holds (MEMO-14, with the daily series beside the packet), for one run.</summary>
public sealed record MemoStoreInput(
    string TenantId,
    string WorkflowId,
    MemoPacket Packet,
    string PacketHash,
    MemoWriteResult Written,
    IReadOnlyDictionary<string, IReadOnlyList<MemoSeriesPoint>> Series,
    IReadOnlyList<string> QueryHashes,
    IReadOnlyList<string> Tables);
