namespace Autopilot.Core.Memos.Contract;

/// <summary>A tenant's weekly memo schedule. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record MemoScheduleView(string OrgId, string TimeZone, string Day, int Hour, bool Defaults);
