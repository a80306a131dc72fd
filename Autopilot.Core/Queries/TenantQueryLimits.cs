using Autopilot.Core.Sql;

namespace Autopilot.Core.Queries;

/// <summary>An organisation's own SQL gate limits (seed plan 2.1: org-configurable); unset fields keep the service's.</summary>
public sealed record TenantQueryLimits(
    int? DefaultLimit,
    int? MaxLimit,
    int? MaxJoinDepth,
    int? MaxSubqueryDepth,
    int? TimeWindowDays,
    string? RequireTimeFilter)
{
    /// <summary>The tenant setting that holds these limits.</summary>
    public const string SettingName = "query_limits";

    public SqlGateOptions Apply(SqlGateOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            DefaultLimit = DefaultLimit ?? defaults.DefaultLimit,
            MaxLimit = MaxLimit ?? defaults.MaxLimit,
            MaxJoinDepth = MaxJoinDepth ?? defaults.MaxJoinDepth,
            MaxSubqueryDepth = MaxSubqueryDepth ?? defaults.MaxSubqueryDepth,
            DefaultTimeWindowDays = TimeWindowDays ?? defaults.DefaultTimeWindowDays,
            RequireTimeFilter = RequireTimeFilter switch
            {
                "block" => SqlTimeFilterMode.Block,
                "rewrite" => SqlTimeFilterMode.Rewrite,
                _ => defaults.RequireTimeFilter,
            },
        };
    }

    /// <summary>What is wrong with these limits, or null.</summary>
    public string? Problem() =>
        DefaultLimit is < 1 or > 1_000_000 ? "default_limit must be 1–1000000"
        : MaxLimit is < 1 or > 1_000_000 ? "max_limit must be 1–1000000"
        : MaxJoinDepth is < 0 or > 20 ? "max_join_depth must be 0–20"
        : MaxSubqueryDepth is < 0 or > 10 ? "max_subquery_depth must be 0–10"
        : TimeWindowDays is < 1 or > 3650 ? "time_window_days must be 1–3650"
        : RequireTimeFilter is not (null or "rewrite" or "block") ? "require_time_filter must be rewrite or block"
        : null;
}
