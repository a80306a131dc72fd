using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos;

/// <summary>The memo stored, its validation (the last failing one when it is the fallback), the attempts made and who wrote it.</summary>
public sealed record MemoWriteResult(JsonObject Memo, MemoValidation Validation, int Attempts, string Writer);
