namespace Autopilot.Core.Pii.Contract;

/// <summary>Body of POST /pii/review/confirm. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record PiiReviewConfirmed(string OrgId, int Updated);
