using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Memos;

/// <summary>
/// A memo query through the one query path — gate, dry run, cost gate, execution with its bytes accounted — not the
/// seed's straight-to-the-warehouse KPI queries (MEMO-8). A memo runs unattended, so a query needing approval is refused.
/// </summary>
internal static class MemoQueries
{
    /// <summary>The rows, or the reason the path refused the query.</summary>
    public static async Task<(QueryOutcome? Outcome, string? Refusal, IReadOnlyList<string> Tables)> RunAsync(
        QueryPath queries, string tenantId, string connectionId, string workflowId, string purpose, string sql, CancellationToken cancellation)
    {
        var plan = await queries.PlanAsync(tenantId, connectionId, sql, cancellation);
        var tables = plan.Tables.Select(t => t.CatalogKey ?? t.Path).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (plan.Status != QueryPlanStatus.Ready)
        {
            var prefix = plan.Status == QueryPlanStatus.ApprovalRequired ? "It needs approval to run: " : string.Empty;
            return (null, prefix + string.Join("; ", plan.Reasons), tables);
        }

        try
        {
            // One reservation per run and query, so a retried activity reuses it rather than reserving twice.
            return (await queries.RunAsync(plan, $"{workflowId}-{Ids.Sha256Hex(purpose)[..16]}", showPii: false, workflowId, cancellation), null, tables);
        }
        catch (QueryBlockedException blocked)
        {
            return (null, string.Join("; ", blocked.Reasons), tables);
        }
    }

    /// <summary>Fails the step: a KPI the path refuses leaves the memo without its numbers.</summary>
    public static WorkflowStepException Refused(string what, string reason) =>
        new(FailureClass.ValidationFailed, $"{what} was refused by the query path: {reason}");

    // Values are CLR types from the warehouse, or JSON elements when they come from the query cache.
    public static double Number(object? value) => value switch
    {
        null => 0,
        JsonElement { ValueKind: JsonValueKind.Null } => 0,
        JsonElement { ValueKind: JsonValueKind.Number } json => json.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } json => double.Parse(json.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        BigInteger big => (double)big,
        string text => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        IConvertible number => Convert.ToDouble(number, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Not a number: {value}"),
    };

    public static DateOnly Date(object? value) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        DateTimeOffset time => DateOnly.FromDateTime(time.DateTime),
        JsonElement { ValueKind: JsonValueKind.String } json => Date(json.GetString()),
        string text => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Not a date: {value}"),
    };

    public static string? Text(object? value) => value switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
        JsonElement json => json.GetRawText(),
        string text => text,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
