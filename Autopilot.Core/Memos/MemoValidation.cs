namespace Autopilot.Core.Memos;

/// <summary>The outcome of validating a memo against its packet (MEMO-15..18): <see cref="Passed"/> when there are no errors.</summary>
public sealed record MemoValidation(bool Passed, IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors);
