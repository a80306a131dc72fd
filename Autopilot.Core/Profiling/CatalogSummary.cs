namespace Autopilot.Core.Profiling;

/// <summary>What the profile stored: counts for the run's response.</summary>
public sealed record CatalogSummary(int Tables, int Columns, int PiiHighConfidence, int PiiLowConfidence);
