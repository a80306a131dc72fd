namespace Autopilot.Core.Health;

/// <summary>
/// One dependency's readiness: its mode, whether it answers, what was probed to say so (null: nothing was probed, and
/// <c>Error</c>/<c>Detail</c> say why), and why not when it does not.
/// </summary>
public sealed record DependencyCheck(bool Ok, string Mode, string? Error = null, string? Probed = null, string? Detail = null);
