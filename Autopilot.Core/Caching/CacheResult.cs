namespace Autopilot.Core.Caching;

/// <summary>A cached or freshly computed value; <c>CacheHit</c> is what responses report as <c>cache_hit</c>.</summary>
public sealed record CacheResult<T>(T Value, bool CacheHit);
