using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos;

/// <summary>Writes a memo (MEMO-9's five sections) from a packet; on a retry, told the previous attempt's validation errors.</summary>
public interface IMemoWriter
{
    /// <summary>A name for the run record: <c>deterministic</c> or <c>llm</c>.</summary>
    string Name { get; }

    Task<JsonObject> WriteAsync(MemoPacket packet, IReadOnlyList<string> previousErrors, CancellationToken cancellation);
}
