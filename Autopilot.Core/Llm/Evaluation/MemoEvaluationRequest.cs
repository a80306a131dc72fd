using Autopilot.Core.Memos;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>Bound body of <c>POST /api/v1/llm/evaluate-memo</c>: the packet (LLM-12's demo when none) and the runs per provider.</summary>
public sealed record MemoEvaluationRequest(MemoPacket Packet, int RunsPerProvider);
