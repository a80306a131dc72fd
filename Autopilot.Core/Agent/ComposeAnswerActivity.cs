using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Microsoft.DurableTask;

namespace Autopilot.Core.Agent;

/// <summary>
/// Composer: the seed's response (<c>response_type</c>, <c>summary</c>, <c>data</c>, <c>warnings</c>) plus a typed
/// <c>result</c>, <c>provenance</c> (query, tool and output hashes) and <c>freshness</c> of the tables read; audits
/// <c>tool_invocation</c> and <c>agent_run</c> once per run.
/// </summary>
public sealed class ComposeAnswerActivity : TaskActivity<ComposeRequest, JsonObject>
{
    private readonly AuditLog _audit;
    private readonly CatalogStore _catalog;
    private readonly AgentTransitions _transitions;

    public ComposeAnswerActivity(AuditLog audit, CatalogStore catalog, AgentTransitions transitions)
    {
        _audit = audit;
        _catalog = catalog;
        _transitions = transitions;
    }

    public override async Task<JsonObject> RunAsync(TaskActivityContext context, ComposeRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        await _transitions.EnterAsync(input.TenantId, input.RunId, AgentStage.Composing);
        var sql = input.Gate?.Sql ?? (input.Plan is { Steps.Count: > 0 } planned ? planned.Steps[0].Sql : null);
        var body = new JsonObject
        {
            ["response_type"] = input.ResponseType,
            ["summary"] = Summary(input),
            ["data"] = Data(input),
            ["warnings"] = new JsonArray(input.Warnings.Select(w => (JsonNode?)w).ToArray()),
            ["run_id"] = input.RunId,
        };
        if (input.Plan is { } plan)
        {
            body["plan"] = new JsonObject
            {
                ["goal"] = plan.Goal,
                ["planner"] = plan.Planner,
                ["expected_shape"] = plan.ExpectedShape.ToString().ToLowerInvariant(),
                ["risks"] = new JsonArray(plan.Risks.Select(r => (JsonNode?)r).ToArray()),
                ["steps"] = new JsonArray(plan.Steps.Select(s => (JsonNode?)new JsonObject { ["step_id"] = s.StepId, ["tool"] = s.Tool, ["description"] = s.Description, ["sql"] = s.Sql }).ToArray()),
            };
        }

        if (input.Output is { } output)
        {
            body["result"] = new JsonObject
            {
                ["shape"] = (input.Plan?.ExpectedShape ?? ResultShape.Table).ToString().ToLowerInvariant(),
                ["columns"] = JsonSerializer.SerializeToNode(output.Columns, AutopilotJson.Options),
                ["row_count"] = output.Rows.Count,
                ["rows"] = JsonSerializer.SerializeToNode(output.Rows, AutopilotJson.Options),
            };
            body["provenance"] = new JsonObject
            {
                ["planner"] = input.Plan?.Planner,
                ["tool"] = "execute_query",
                ["query_hash"] = sql is null ? null : Ids.Sha256Hex(sql),
                ["tool_hash"] = sql is null ? null : Ids.Sha256Hex("execute_query\n" + sql),
                ["output_hash"] = output.OutputHash,
                ["sql"] = sql,
                ["bytes_scanned"] = output.BytesScanned,
                ["cache_hit"] = output.CacheHit,
            };
            body["freshness"] = await FreshnessAsync(input.TenantId, sql, cancellation);
        }

        if (input.Output is not null || input.FailedStep is not null)
        {
            await _audit.AppendOnceAsync(input.TenantId, "tool_invocation", new
            {
                tool = "execute_query",
                status = input.Output is null ? "failed" : "success",
                output_hash = input.Output?.OutputHash,
                retry_count = Math.Max(0, (input.Output?.Attempts ?? 1) - 1),
                error = input.Errors.Count > 0 ? input.Errors[0] : null,
                run_id = input.RunId,
            }, $"tool_invocation:{input.RunId}", cancellation);
        }

        await _audit.AppendOnceAsync(input.TenantId, "agent_run", new
        {
            user_id = input.UserId,
            session_id = input.SessionId,
            response_type = input.ResponseType,
            run_id = input.RunId,
        }, $"agent_run:{input.RunId}", cancellation);
        return body;
    }

    private static string Summary(ComposeRequest input)
    {
        if (input.ResponseType != AgentResponseTypes.QueryResult || input.Output is not { } output || input.Plan is not { } plan)
        {
            return input.Summary;
        }

        var rows = output.Rows;
        var read = plan.Reading is { } reading ? " " + reading.Interpretation : string.Empty;
        if (rows.Count == 0)
        {
            return $"{input.Summary}: {plan.Goal} — no rows.{read}";
        }

        var first = rows[0];
        return plan.ExpectedShape switch
        {
            ResultShape.Scalar => $"{input.Summary}: {plan.Goal} — {string.Join(", ", first.Select(kv => $"{kv.Key} = {Show(kv.Value)}"))}.{read}",
            ResultShape.Series => $"{input.Summary}: {plan.Goal} — {rows.Count} points; latest {string.Join(", ", rows[^1].Select(kv => $"{kv.Key} = {Show(kv.Value)}"))}.{read}",
            _ => $"{input.Summary}: {plan.Goal} — {rows.Count} rows; first: {string.Join(", ", first.Select(kv => $"{kv.Key} = {Show(kv.Value)}"))}.{read}",
        };
    }

    private static JsonObject Data(ComposeRequest input)
    {
        switch (input.ResponseType)
        {
            case AgentResponseTypes.QueryResult when input.Output is { } output:
                return new JsonObject
                {
                    ["rows"] = JsonSerializer.SerializeToNode(output.Rows, AutopilotJson.Options),
                    ["bytes_scanned"] = output.BytesScanned,
                    ["columns"] = JsonSerializer.SerializeToNode(output.Columns, AutopilotJson.Options),
                    ["truncated"] = output.Truncated,
                };
            case AgentResponseTypes.Blocked when input.Gate is { } gate:
                var approvalRequired = gate.Status is GateVerdictStatus.ApprovalRequired;
                var data = new JsonObject
                {
                    ["reasons"] = new JsonArray(gate.Reasons.Select(r => (JsonNode?)r).ToArray()),
                    ["gate"] = GateJson(gate, approvalRequired),
                };
                return data;
            case AgentResponseTypes.Error when input.Gate is { Status: GateVerdictStatus.Expired } expired:
                return new JsonObject { ["approval"] = new JsonObject { ["status"] = "expired", ["preview_id"] = expired.PreviewId }, ["gate"] = GateJson(expired, false) };
            case AgentResponseTypes.Error:
                return input.Errors.Count == 0 ? [] : new JsonObject { ["errors"] = new JsonArray(input.Errors.Select(e => (JsonNode?)e).ToArray()) };
            case AgentResponseTypes.ClarificationNeeded when input.Clarification is { } ask:
                return new JsonObject
                {
                    ["unused_words"] = new JsonArray(ask.UnusedWords.Select(w => (JsonNode?)w).ToArray()),
                    ["suggestions"] = new JsonArray(ask.Suggestions.Select(q => (JsonNode?)q).ToArray()),
                };
            case AgentResponseTypes.PartialFailure:
                return new JsonObject
                {
                    ["step"] = input.FailedStep,
                    ["retry_count"] = 0,
                    ["failure_class"] = input.FailureClass,
                    ["error"] = input.Errors.Count > 0 ? input.Errors[0] : null,
                };
            default:
                return [];
        }
    }

    /// <summary>The seed's <c>data.gate</c> shape (spec §3.1).</summary>
    private static JsonObject GateJson(GateVerdict gate, bool approvalRequired) => new()
    {
        ["approval_required"] = approvalRequired,
        ["next_action"] = gate.NextAction,
        ["estimated_bytes"] = gate.EstimatedBytes,
        ["estimated_cost_usd"] = Math.Round(gate.EstimatedCostUsd, 4),
    };

    private async Task<JsonArray> FreshnessAsync(string tenantId, string? sql, CancellationToken cancellation)
    {
        if (sql is null)
        {
            return [];
        }

        var tables = await _catalog.ListTablesAsync(tenantId, cancellation);
        return new JsonArray(tables
            .Where(t => sql.Contains($"{t.Dataset}.{t.Table}", StringComparison.OrdinalIgnoreCase))
            .Select(t => (JsonNode?)new JsonObject
            {
                ["table"] = $"{t.Dataset}.{t.Table}",
                ["latest_at"] = ApiTime.Format(t.LatestAt),
                ["freshness_hours"] = t.FreshnessHours is { } h ? Math.Round(h, 2) : null,
                ["profiled_at"] = ApiTime.Format(t.ProfiledAt),
            }).ToArray());
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        float f => f.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
        JsonElement e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
