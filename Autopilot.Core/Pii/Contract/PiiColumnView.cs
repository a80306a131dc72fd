namespace Autopilot.Core.Pii.Contract;

/// <summary>A catalog column with its PII classification. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PiiColumnView(string Dataset, string Table, string Column, double Confidence, bool IsPii, string? PiiType, string? Evidence);
