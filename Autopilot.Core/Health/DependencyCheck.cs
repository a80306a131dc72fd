namespace Autopilot.Core.Health;

/// <summary>One dependency's readiness: its mode and whether it answers. <c>Error</c> says why not.</summary>
public sealed record DependencyCheck(bool Ok, string Mode, string? Error = null);
