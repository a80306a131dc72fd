using System.Text.Json;

namespace Autopilot.Core.Api;

/// <summary>Reads the org a request names, from where its route declares it (spec §0.5); a missing required one is the seed's 422.</summary>
internal static class RequestedTenant
{
    public static string Read(TenantSource source, ApiContext context) => source switch
    {
        TenantSource.QueryOrgId => context.RequiredQuery("org_id"),
        TenantSource.BodyOrgId => FromTypedBody(context.Body, "org_id"),
        TenantSource.BodyTenantId => FromTypedBody(context.Body, "tenant_id"),
        TenantSource.Caller => context.Identity.TenantId,
        TenantSource.BodyOrgIdOrCaller => context.Body is { ValueKind: JsonValueKind.Object } own
            && own.TryGetProperty("org_id", out var named) && named.ValueKind == JsonValueKind.String && named.GetString()!.Length > 0
                ? named.GetString()!
                : context.Identity.TenantId,
        TenantSource.BodyOrgIdOrEmpty => context.Body is { ValueKind: JsonValueKind.Object } body
            && body.TryGetProperty("org_id", out var org) && org.ValueKind == JsonValueKind.String
                ? org.GetString()!
                : string.Empty,
        _ => throw new InvalidOperationException($"Route {context.Route.Name} declares no tenant source."),
    };

    private static string FromTypedBody(JsonElement? body, string field)
    {
        if (body is not { ValueKind: JsonValueKind.Object } value)
        {
            throw ValidationException.Invalid("body", "body", "model_attributes_type", "Input should be a valid dictionary or object", null);
        }

        if (!value.TryGetProperty(field, out var org) || org.ValueKind == JsonValueKind.Null)
        {
            throw ValidationException.Missing("body", field);
        }

        return org.ValueKind == JsonValueKind.String
            ? org.GetString()!
            : throw ValidationException.Invalid("body", field, "string_type", "Input should be a valid string", org.ToString());
    }
}
