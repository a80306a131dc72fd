using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Engine;
using Autopilot.Core.Memos;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Llm.Evaluation;

/// <summary>
/// HTTP handlers of language-model evaluation (spec §13.4–13.5, LLM-10..13): a memo evaluation across providers under
/// blind labels, stored as an eval run that the list shows (the seed's list was always empty).
/// </summary>
public static class LlmEvalEndpoints
{
    public const int MaxRunsPerProvider = 50;
    public const int MaxListLimit = 200;
    public const string NoProviders = "No LLM providers configured. Set LLM_API_KEY or enable eval providers.";

    /// <summary><c>GET /api/v1/llm/eval-runs</c>: the tenant's evaluations, newest first, optionally of one task type.</summary>
    public static async Task<ApiResult> List(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = 50;
        if (context.Query("limit") is { } raw && (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxListLimit))
        {
            throw ValidationException.Invalid("query", "limit", "int_range", $"Input should be an integer from 1 to {MaxListLimit}", raw);
        }

        var runs = await context.Service<LlmEvalRunStore>().ListAsync(context.Tenant, context.Query("task_type"), limit, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = context.Tenant,
            count = runs.Count,
            items = runs.Select(r => r.Body).ToList(),
        });
    }

    /// <summary>Schema stage of <see cref="EvaluateMemo"/>: <c>runs_per_provider</c> 1–50 (default 1), <c>packet</c> a memo packet or absent (422 otherwise).</summary>
    public static object BindEvaluateMemo(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Body is { ValueKind: JsonValueKind.Object } b ? b : default;
        var runs = 1;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("runs_per_provider", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Number || !r.TryGetInt32(out runs) || runs is < 1 or > MaxRunsPerProvider)
            {
                throw ValidationException.Invalid("body", "runs_per_provider", "int_range", $"Input should be an integer from 1 to {MaxRunsPerProvider}", r.ToString());
            }
        }

        var packet = DemoMemoPacket.Packet;
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("packet", out var p) && p.ValueKind != JsonValueKind.Null
            && !(p.ValueKind == JsonValueKind.Object && !p.EnumerateObject().Any()))
        {
            packet = ReadPacket(p);
        }

        return new MemoEvaluationRequest(packet, runs);
    }

    /// <summary>
    /// <c>POST /api/v1/llm/evaluate-memo</c> (admin): each provider's statistics under its blind label (LLM-11; real names
    /// only in the audit's mapping), stored as an eval run; no provider → 200 with the seed's error text.
    /// </summary>
    public static async Task<ApiResult> EvaluateMemo(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<MemoEvaluationRequest>();
        var tenant = context.Tenant;
        var evaluator = context.Service<MemoEvaluator>();
        if (evaluator.Providers.Count == 0)
        {
            return ApiResult.Ok(new { org_id = tenant, error = NoProviders, results = new Dictionary<string, object>() });
        }

        var startedAt = context.Service<TimeProvider>().GetUtcNow();
        var byName = await evaluator.EvaluateAsync(tenant, request.Packet, request.RunsPerProvider, context.Cancellation);
        var mapping = BlindLabels.Assign(tenant, byName.Keys);
        var results = new JsonObject();
        foreach (var (label, name) in mapping)
        {
            results[label] = JsonSerializer.SerializeToNode(byName[name], AutopilotJson.Options);
        }

        var primaryLabel = mapping.FirstOrDefault(m => m.Value == LlmServiceCollectionExtensions.PrimaryProvider).Key;
        var runId = Ids.New("eval");
        var item = new JsonObject
        {
            ["run_id"] = runId,
            ["task_type"] = LlmTasks.MemoEvaluation,
            ["started_at"] = startedAt.ToString("O", CultureInfo.InvariantCulture),
            ["runs_per_provider"] = request.RunsPerProvider,
            ["blind_mode"] = true,
            ["primary"] = primaryLabel is null ? null : new JsonObject { ["label"] = primaryLabel, ["stats"] = results[primaryLabel]!.DeepClone() },
            ["evaluations"] = new JsonArray(mapping.Where(m => m.Key != primaryLabel)
                .Select(m => (JsonNode?)new JsonObject { ["label"] = m.Key, ["stats"] = results[m.Key]!.DeepClone() }).ToArray()),
        };
        await context.Service<LlmEvalRunStore>().AddAsync(new LlmEvalRun(runId, tenant, LlmTasks.MemoEvaluation, startedAt, item), context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "memo_provider_evaluation", new
        {
            run_id = runId,
            runs_per_provider = request.RunsPerProvider,
            results = byName.ToDictionary(p => p.Key, p => new { p.Value.Runs, p.Value.ValidJson, p.Value.PassedAllChecks, p.Value.AvgLatencyMs }),
            blind_mapping = mapping.ToDictionary(m => m.Key, m => m.Value),
        }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            run_id = runId,
            runs_per_provider = request.RunsPerProvider,
            blind_mode = true,
            results,
        });
    }

    private static MemoPacket ReadPacket(JsonElement packet)
    {
        MemoPacket? read = null;
        try
        {
            read = packet.Deserialize<MemoPacket>(AutopilotJson.Options);
        }
        catch (JsonException)
        {
        }

        return read is { TimeWindow: not null, Kpis: not null, TopSegments: not null, AnomalyNotes: not null } && read.Kpis.All(k => k?.MetricName is not null)
            ? read
            : throw ValidationException.Invalid("body", "packet", "model_type", "Input should be a memo packet (generated_at, time_window, kpis, top_segments, anomaly_notes)", null);
    }
}
