namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>Where the tenant's Metabase lives and how long one call may take (DASH-7: 15 s).</summary>
public sealed record MetabaseOptions(Uri BaseAddress, string ApiKey)
{
    /// <summary>Per call; a slower answer fails as <c>TIMEOUT</c>, which the step runner retries.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The Metabase database id the cards query; null: the one BigQuery database Metabase knows.</summary>
    public int? DatabaseId { get; init; }
}
