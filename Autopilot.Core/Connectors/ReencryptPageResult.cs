namespace Autopilot.Core.Connectors;

/// <summary>
/// What one page of the re-encrypt pass did. <c>Unreadable</c> names connections (tenant/connection and the key id they
/// need), never their contents. <c>Continuation</c> is null after the last page.
/// </summary>
public sealed record ReencryptPageResult(int Reencrypted, int Skipped, IReadOnlyList<string> Unreadable, string? Continuation);
