using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos;

/// <summary>
/// One written memo and who actually wrote it: <c>llm</c>, or <c>deterministic</c> when the language-model writer fell
/// back to MEMO-11 (no answer, not JSON) — so the run record never credits the model with a memo it did not write.
/// </summary>
public sealed record MemoDraft(JsonObject Memo, string Writer);
