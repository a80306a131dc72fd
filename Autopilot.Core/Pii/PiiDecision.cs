namespace Autopilot.Core.Pii;

/// <summary>A person's decision about one column; it outlives re-profiling (the seed lost it, PII-3).</summary>
public sealed record PiiDecision(string Dataset, string Table, string Column, bool IsPii, DateTimeOffset DecidedAt);
