namespace Autopilot.Core.Queries.Contract;

/// <summary>A tenant's effective SQL gate limits. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record QueryLimitsView(string OrgId, int DefaultLimit, int MaxLimit, int MaxJoinDepth, int MaxSubqueryDepth, int TimeWindowDays, string RequireTimeFilter);
