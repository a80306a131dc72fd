using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;

namespace Autopilot.Core.Pii;

/// <summary>HTTP handlers of PII review (spec §7).</summary>
public static class PiiReviewEndpoints
{
    private static readonly string[] BulkActions = ["confirm_all_high_confidence", "mark_not_pii_all_low_confidence"];

    public const int HighConfidence = 80;
    public const int ReviewConfidence = 30;

    /// <summary>
    /// <c>GET /api/v1/pii/review</c>: high-confidence columns (auto-tagged) and low-confidence ones awaiting a person
    /// (PII-4). A column someone decided on is no longer awaiting review; it is listed under <c>reviewed</c>.
    /// </summary>
    public static async Task<ApiResult> Review(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var columns = await context.Service<CatalogStore>().ListColumnsAsync(tenant, context.Cancellation);
        var decisions = await context.Service<PiiDecisionStore>().ListAsync(tenant, context.Cancellation);

        object Item(CatalogColumn c) => new
        {
            dataset = c.Dataset,
            table = c.Table,
            column = c.Column,
            confidence = c.PiiConfidence,
            is_pii = c.IsPii,
            pii_type = c.PiiType,
            evidence = c.PiiEvidence,
        };

        bool Decided(CatalogColumn c) => decisions.ContainsKey((c.Dataset, c.Table, c.Column));
        var ordered = columns.OrderBy(c => c.Dataset, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal).ToList();
        var high = ordered.Where(c => c.PiiConfidence >= HighConfidence).ToList();
        var low = ordered.Where(c => c.PiiConfidence is >= ReviewConfidence and < HighConfidence && !Decided(c)).ToList();
        var reviewed = ordered.Where(c => c.PiiConfidence >= ReviewConfidence && Decided(c)).ToList();
        await context.Service<AuditLog>().AppendAsync(tenant, "pii_review_viewed",
            new { high_confidence_count = high.Count, low_confidence_count = low.Count }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = tenant,
            auto_tagged_high_confidence = high.Select(Item),
            needs_review_low_confidence = low.Select(Item),
            reviewed = reviewed.Select(Item),
            bulk_actions = BulkActions,
        });
    }

    /// <summary>Schema stage of <see cref="Confirm"/>: a list of decisions, each naming dataset, table and column.</summary>
    public static object BindDecisions(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Body is not { ValueKind: JsonValueKind.Array } body)
        {
            throw ValidationException.Invalid("body", "body", "list_type", "Input should be a valid list", null);
        }

        var requested = new List<PiiDecision>();
        var now = context.Service<TimeProvider>().GetUtcNow();
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || Text(item, "dataset") is not { } dataset || Text(item, "table") is not { } table || Text(item, "column") is not { } column)
            {
                throw ValidationException.Invalid("body", index.ToString(System.Globalization.CultureInfo.InvariantCulture), "missing",
                    "Each decision needs dataset, table and column strings", null);
            }

            var isPii = item.TryGetProperty("is_pii", out var flag) && flag.ValueKind == JsonValueKind.True;
            requested.Add(new PiiDecision(dataset, table, column, isPii, now));
            index++;
        }

        return requested;
    }

    /// <summary>
    /// <c>POST /api/v1/pii/review/confirm</c>: a JSON array of <c>{dataset, table, column, is_pii}</c> decisions; they are
    /// applied to the catalog and kept for later profiles. <c>updated</c> counts catalog columns changed (PII-5, PII-6).
    /// </summary>
    public static async Task<ApiResult> Confirm(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requested = context.Request<List<PiiDecision>>();
        var tenant = context.Tenant;
        var catalog = context.Service<CatalogStore>();
        var updated = await catalog.ApplyPiiDecisionsAsync(tenant, requested, context.Cancellation);
        await context.Service<PiiDecisionStore>().SaveAsync(tenant, requested, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(tenant, "pii_review_confirmed", new { updated }, context.Cancellation);
        return ApiResult.Ok(new { org_id = tenant, updated });
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
