namespace Autopilot.Core.Sql;

/// <summary>Stable ids of the gate's rules, recorded with each decision.</summary>
public static class SqlRuleIds
{
    public const string TooLong = "sql.too_long";
    public const string CommentPayload = "sql.comment_payload";
    public const string MultiStatement = "sql.multi_statement";
    public const string SelectOnly = "sql.select_only";
    public const string BlockedOperation = "sql.blocked_operation";
    public const string InvalidSql = "sql.invalid";
    public const string RecursiveCte = "sql.recursive_cte";
    public const string FunctionNotAllowed = "sql.function_not_allowed";
    public const string FunctionNotOnWarehouse = "sql.function_not_on_warehouse";
    public const string TableNotAllowed = "sql.table_not_allowed";
    public const string JoinDepth = "sql.join_depth";
    public const string SubqueryDepth = "sql.subquery_depth";
    public const string TimeFilterRequired = "sql.time_filter_required";
    public const string PartitionFilterAdded = "sql.partition_filter_added";
    public const string LimitAdded = "sql.limit_added";
    public const string LimitCapped = "sql.limit_capped";
    public const string LimitNotChecked = "sql.limit_not_checked";
}
