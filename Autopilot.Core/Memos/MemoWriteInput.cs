namespace Autopilot.Core.Memos;

/// <summary>Input of <see cref="WriteMemoActivity"/>: the packet to write from, for one run.</summary>
public sealed record MemoWriteInput(string TenantId, string WorkflowId, MemoPacket Packet);
