namespace Autopilot.Core.Pii.Contract;

/// <summary>One reviewer decision in the body of POST /pii/review/confirm. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PiiDecisionInput(string Dataset, string Table, string Column, bool IsPii);
