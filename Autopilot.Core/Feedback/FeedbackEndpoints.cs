using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Feedback;

/// <summary>HTTP handlers of the feedback API (spec §10, FB-1..5).</summary>
public static class FeedbackEndpoints
{
    /// <summary>Longest comment kept (characters); a longer one is a 422, not a silently cut record.</summary>
    public const int MaxCommentLength = 4_000;

    /// <summary>Longest conversation context kept, as JSON text.</summary>
    public const int MaxConversationContextLength = 16_000;

    private static readonly string[] FeedbackTypes = ["positive", "negative"];

    /// <summary>Schema stage of <see cref="Create"/>: required fields, the feedback type, sizes (422 before scope and role).</summary>
    public static object BindCreate(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<FeedbackRequest>();
        foreach (var (name, value) in new (string, object?)[]
        {
            ("tenant_id", request.TenantId), ("user_id", request.UserId), ("artifact_id", request.ArtifactId),
            ("artifact_version", request.ArtifactVersion), ("artifact_type", request.ArtifactType), ("feedback_type", request.FeedbackType),
        })
        {
            if (value is null)
            {
                throw ValidationException.Missing("body", name);
            }
        }

        if (!FeedbackTypes.Contains(request.FeedbackType, StringComparer.Ordinal))
        {
            throw ValidationException.Invalid("body", "feedback_type", "literal_error", "Input should be 'positive' or 'negative'", request.FeedbackType);
        }

        if (request.ArtifactVersion < 1)
        {
            throw ValidationException.Invalid("body", "artifact_version", "greater_than_equal", "Input should be greater than or equal to 1", request.ArtifactVersion);
        }

        if (request.Comment is { Length: > MaxCommentLength })
        {
            throw ValidationException.Invalid("body", "comment", "string_too_long", $"String should have at most {MaxCommentLength} characters", null);
        }

        if (request.ConversationContext?.Any(item => item.ValueKind != JsonValueKind.Object) == true)
        {
            throw ValidationException.Invalid("body", "conversation_context", "model_type", "Each item should be an object", null);
        }

        if (ContextJson(request) is { Length: > MaxConversationContextLength })
        {
            throw ValidationException.Invalid("body", "conversation_context", "too_long", $"Conversation context should be at most {MaxConversationContextLength} characters of JSON", null);
        }

        return request;
    }

    /// <summary>
    /// <c>POST /api/v1/feedback</c>: records feedback on an artifact version. Unlike the seed, feedback naming a stored
    /// artifact type (dashboard, memo, query, profile) must name a version that exists in the caller's tenant (404), of
    /// that type (422); other types (e.g. <c>chat</c>) name things outside the artifact store and are taken as given.
    /// </summary>
    public static async Task<ApiResult> Create(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<FeedbackRequest>();
        var tenant = context.Tenant;
        if (ArtifactTypes.All.Contains(request.ArtifactType!, StringComparer.Ordinal))
        {
            var artifacts = context.Service<ArtifactStore>();
            var artifact = await artifacts.GetAsync(tenant, request.ArtifactId!, context.Cancellation);
            if (artifact is null || await artifacts.VersionAsync(tenant, request.ArtifactId!, request.ArtifactVersion!.Value, context.Cancellation) is null)
            {
                throw new ApiException(StatusCodes.Status404NotFound, $"Artifact {request.ArtifactId} has no version {request.ArtifactVersion}");
            }

            if (artifact.Type != request.ArtifactType)
            {
                throw new ApiException(StatusCodes.Status422UnprocessableEntity, $"Artifact {request.ArtifactId} is a {artifact.Type}, not a {request.ArtifactType}");
            }
        }

        var record = new FeedbackRecord(Ids.New("fb"), tenant, request.UserId!, request.ArtifactId!, request.ArtifactVersion!.Value, request.ArtifactType!,
            request.FeedbackType!, request.Comment, request.PromptHash, request.ToolInputsHash, request.SessionId, request.Provider, request.Model,
            request.WasFallback, ContextJson(request), request.Channel, Resolved: false, ResolvedAt: null, ResolvedBy: null,
            context.Service<TimeProvider>().GetUtcNow());
        await context.Service<FeedbackStore>().AddAsync(record, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "feedback_created", new
        {
            artifact_id = record.ArtifactId,
            artifact_version = record.ArtifactVersion,
            artifact_type = record.ArtifactType,
            feedback_type = record.FeedbackType,
        }, context.Cancellation);
        return ApiResult.Ok(new { id = record.Id, created_at = ApiTime.Format(record.CreatedAt) });
    }

    /// <summary><c>GET /api/v1/feedback/summary</c> (FB-2): counts per artifact type, and the prompts most often disliked.</summary>
    public static async Task<ApiResult> Summary(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var records = await context.Service<FeedbackStore>().ListAsync(tenant, context.Cancellation);
        var byType = records
            .GroupBy(r => r.ArtifactType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Counts(g), StringComparer.Ordinal);
        var negativePrompts = records
            .Where(r => r.FeedbackType == "negative" && r.PromptHash is not null)
            .GroupBy(r => r.PromptHash!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { prompt_hash = g.Key, count = g.Count() })
            .ToList();
        await context.Service<AuditLog>().AppendAsync(tenant, "feedback_summary_viewed", new { org_id = tenant }, context.Cancellation);
        return ApiResult.Ok(new { tenant_id = tenant, artifact_feedback = byType, negative_prompt_hashes = negativePrompts });
    }

    /// <summary><c>GET /api/v1/feedback/provider-summary</c> (FB-3): satisfaction per language-model provider and per task.</summary>
    public static async Task<ApiResult> ProviderSummary(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var records = await context.Service<FeedbackStore>().ListAsync(context.Tenant, context.Cancellation);
        var byProvider = records
            .Where(r => !string.IsNullOrEmpty(r.Provider))
            .GroupBy(r => r.Provider!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Satisfaction(g), StringComparer.Ordinal);
        var byTask = records
            .GroupBy(r => string.IsNullOrEmpty(r.ArtifactType) ? "unknown" : r.ArtifactType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Satisfaction(g), StringComparer.Ordinal);
        return ApiResult.Ok(new { by_provider = byProvider, by_task = byTask });
    }

    /// <summary><c>GET /api/v1/feedback/review</c> (FB-4): the tenant's feedback newest first, by resolution state and provider.</summary>
    public static async Task<ApiResult> Review(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var status = context.Query("status");
        var provider = context.Query("provider");
        var items = (await context.Service<FeedbackStore>().ListAsync(tenant, context.Cancellation))
            .Where(r => status switch { "resolved" => r.Resolved, "unresolved" => !r.Resolved, _ => true })
            .Where(r => provider is null || string.Equals(r.Provider, provider, StringComparison.Ordinal))
            .Select(r => new
            {
                id = r.Id,
                user_id = r.UserId,
                artifact_id = r.ArtifactId,
                artifact_type = r.ArtifactType,
                feedback_type = r.FeedbackType,
                comment = r.Comment,
                provider = r.Provider,
                model = r.Model,
                channel = r.Channel,
                resolved = r.Resolved,
                resolved_by = r.ResolvedBy,
                created_at = ApiTime.Format(r.CreatedAt),
            })
            .ToList();
        return ApiResult.Ok(new { org_id = tenant, count = items.Count, items });
    }

    /// <summary>Schema stage of <see cref="Resolve"/>: a JSON object, <c>resolved_by</c> a string when present.</summary>
    public static object BindResolve(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
        }

        if (!body.TryGetProperty("resolved_by", out var by) || by.ValueKind == JsonValueKind.Null)
        {
            return "admin";
        }

        return by.ValueKind == JsonValueKind.String && by.GetString() is { Length: > 0 and <= 200 } name
            ? name
            : throw ValidationException.Invalid("body", "resolved_by", "string_type", "Input should be a non-empty string of at most 200 characters", by.ToString());
    }

    /// <summary>
    /// <c>POST /api/v1/feedback/{feedback_id}/resolve</c> (FB-5). Scoped to the caller's tenant, unlike the seed (TEN-6):
    /// another tenant's feedback is 404 like an unknown id.
    /// </summary>
    public static async Task<ApiResult> Resolve(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var feedbackId = context.RouteValue("feedback_id");
        var resolvedBy = context.Request<string>();
        var resolved = await context.Service<FeedbackStore>().ResolveAsync(tenant, feedbackId, resolvedBy, context.Service<TimeProvider>().GetUtcNow(), context.Cancellation)
            ?? throw new ApiException(StatusCodes.Status404NotFound, "Feedback not found");
        await context.Service<AuditLog>().AppendAsync(tenant, "feedback_resolved", new { feedback_id = feedbackId, resolved_by = resolvedBy }, context.Cancellation);
        return ApiResult.Ok(new { id = resolved.Id, resolved = true, resolved_at = ApiTime.Format(resolved.ResolvedAt) });
    }

    private static string? ContextJson(FeedbackRequest request) =>
        request.ConversationContext is { } items ? JsonSerializer.Serialize(items) : null;

    private static object Counts(IEnumerable<FeedbackRecord> records)
    {
        var list = records.ToList();
        return new { positive = list.Count(r => r.FeedbackType == "positive"), negative = list.Count(r => r.FeedbackType == "negative") };
    }

    private static object Satisfaction(IEnumerable<FeedbackRecord> records)
    {
        var list = records.ToList();
        var positive = list.Count(r => r.FeedbackType == "positive");
        var negative = list.Count(r => r.FeedbackType == "negative");
        var rate = positive + negative == 0 ? 0.0 : Math.Round((double)positive / (positive + negative), 4, MidpointRounding.AwayFromZero);
        return new { positive, negative, satisfaction_rate = rate };
    }
}
