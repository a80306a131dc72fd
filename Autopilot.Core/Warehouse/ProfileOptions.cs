namespace Autopilot.Core.Warehouse;

/// <summary>
/// <paramref name="Sampling"/> trades exact distinct counts for approximate ones;
/// <paramref name="PatternSampleSize"/> caps the non-null values per text column checked for PII patterns.
/// </summary>
public sealed record ProfileOptions(bool Sampling, int PatternSampleSize = 1000);
