using System.Globalization;

namespace Autopilot.Core.RateLimits;

/// <summary>
/// One token bucket's shape: <see cref="Requests"/> tokens, refilled evenly over <see cref="Period"/> (so a tenant may
/// burst up to <see cref="Requests"/> and then sustain <see cref="Requests"/> per <see cref="Period"/>).
/// </summary>
public sealed record RateLimit(int Requests, TimeSpan Period)
{
    /// <summary>The limit as the setting writes it, e.g. <c>100/60s</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Requests}/{(long)Period.TotalSeconds}s");
}
