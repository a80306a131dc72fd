namespace Autopilot.Core.Warehouse;

/// <summary>
/// How many of the <paramref name="Sampled"/> non-null values of a column matched the value pattern of
/// <paramref name="PiiType"/> (the best-matching type). Only counts: the values themselves never leave the warehouse.
/// </summary>
public sealed record PiiValueMatch(string PiiType, int Sampled, int Matched);
