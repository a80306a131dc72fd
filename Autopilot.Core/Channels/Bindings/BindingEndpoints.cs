using System.Globalization;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Channels.Bindings;

/// <summary>
/// HTTP handlers of integration bindings (spec §16, CHAN-9), admin only (declared in the route table). Inside the POST the
/// seed's order holds: scope → admin (dispatcher) → <c>external_id</c> blank → <c>binding_type</c> not allowed.
/// </summary>
public static class BindingEndpoints
{
    /// <summary>
    /// Slack and Telegram ids are a few dozen characters; the bound keeps an escaped id within a Table row key (1 KiB), so a
    /// long one is a 422 rather than a storage error.
    /// </summary>
    public const int MaxExternalIdLength = 64;

    /// <summary><c>GET /api/v1/integrations/bindings?org_id=</c>: the tenant's bindings, ascending id.</summary>
    public static async Task<ApiResult> List(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = await context.Service<IntegrationBindingStore>().ListAsync(context.Tenant, context.Cancellation);
        await context.Service<AuditLog>().AppendAsync(context.Tenant, "integration_bindings_listed", new { count = items.Count }, context.Cancellation);
        return ApiResult.Ok(new
        {
            org_id = context.Tenant,
            items = items.Select(b => new { id = b.Id, binding_type = b.BindingType, external_id = b.ExternalId, created_at = ApiTime.Format(b.CreatedAt) }),
        });
    }

    /// <summary>Schema stage of <see cref="Upsert"/>: <c>binding_type</c> and <c>external_id</c> are required strings.</summary>
    public static object BindUpsert(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.BindBody<BindingRequest>();
        return body.BindingType is null ? throw ValidationException.Missing("body", "binding_type")
            : body.ExternalId is null ? throw ValidationException.Missing("body", "external_id")
            : body.ExternalId.Length > MaxExternalIdLength
                ? throw ValidationException.Invalid("body", "external_id", "string_too_long", $"String should have at most {MaxExternalIdLength} characters", null)
            : body;
    }

    /// <summary><c>POST /api/v1/integrations/bindings</c>: idempotent per (tenant, type, external id); another tenant's identity → 409.</summary>
    public static async Task<ApiResult> Upsert(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var body = context.Request<BindingRequest>();
        var externalId = body.ExternalId!.Trim();
        if (externalId.Length == 0)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "external_id is required");
        }

        if (!BindingTypes.IsAllowed(body.BindingType))
        {
            throw new ApiException(StatusCodes.Status400BadRequest, BindingTypes.InvalidMessage);
        }

        var result = await context.Service<IntegrationBindingStore>().UpsertAsync(context.Tenant, body.BindingType!, externalId, context.Cancellation);
        if (result.Binding is not { } binding)
        {
            // Names the identity, never the tenant that holds it.
            throw new ApiException(StatusCodes.Status409Conflict, $"{body.BindingType} '{externalId}' is already bound to another org");
        }

        await context.Service<AuditLog>().AppendAsync(context.Tenant, "integration_binding_upserted", new { binding_id = binding.Id, binding_type = binding.BindingType }, context.Cancellation);
        return ApiResult.Ok(new { org_id = context.Tenant, id = binding.Id, binding_type = binding.BindingType, external_id = binding.ExternalId });
    }

    /// <summary>Schema stage of <see cref="Delete"/>: the path's <c>binding_id</c> is an integer (422 otherwise, before scope and role).</summary>
    public static object BindDelete(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = context.RouteValue("binding_id");
        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? new BindingId(id)
            : throw ValidationException.Invalid("path", "binding_id", "int_parsing", "Input should be a valid integer, unable to parse string as an integer", raw);
    }

    /// <summary><c>DELETE /api/v1/integrations/bindings/{binding_id}?org_id=</c>: unknown and another tenant's ids are both 404.</summary>
    public static async Task<ApiResult> Delete(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request<BindingId>().Value;
        if (!await context.Service<IntegrationBindingStore>().DeleteAsync(context.Tenant, id, context.Cancellation))
        {
            throw new ApiException(StatusCodes.Status404NotFound, "binding not found");
        }

        await context.Service<AuditLog>().AppendAsync(context.Tenant, "integration_binding_deleted", new { binding_id = id }, context.Cancellation);
        return ApiResult.Ok(new { org_id = context.Tenant, deleted = true });
    }
}
