namespace Autopilot.Core.Costs;

/// <summary>
/// How the window is laid out in Redis (COST-1): the sorted set <c>cost_budget:&lt;org&gt;</c> with members
/// <c>id|bytes</c>, and its index hash <c>cost_budget_index:&lt;org&gt;</c> (a different prefix, so no org id can
/// make one org's index collide with another org's window).
/// </summary>
internal static class CostWindowKeys
{
    public const string Prefix = "cost_budget:";

    public static string Key(string orgId) => Prefix + orgId;

    public static string IndexKey(string orgId) => "cost_budget_index:" + orgId;

    public static string Member(string reservationId, long bytes) => FormattableString.Invariant($"{reservationId}|{bytes}");
}
