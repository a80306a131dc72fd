namespace Autopilot.Core.RateLimits;

/// <summary>Whether a request may proceed; when not, how long until the bucket holds a token again.</summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static RateLimitDecision Admit { get; } = new(true, TimeSpan.Zero);

    /// <summary>Whole seconds for <c>Retry-After</c>: rounded up, at least 1 (0 would invite an immediate retry that fails again).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
