namespace Autopilot.Core.Storage;

/// <summary>One page of a list and the cursor for the next one (null at the end).</summary>
public sealed record ItemPage<T>(IReadOnlyList<T> Items, string? NextCursor);
