using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Caching;
using Autopilot.Core.Catalog;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Core.Connectors;

public static class ConnectorEndpoints
{
    /// <summary>Schema stage of <see cref="Connect"/> (422 before the scope and role checks, spec §0.3).</summary>
    public static object BindConnect(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.BindBody<ConnectRequest>();
        if (request.OrgId is null)
        {
            throw ValidationException.Missing("body", "org_id");
        }

        if (request.ServiceAccountJson is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } invalid)
        {
            // Never echo the value: a key file sent as a JSON string is still a secret (the seed echoed it back).
            throw ValidationException.Invalid("body", "service_account_json", "dict_type", "Input should be a valid dictionary", invalid.ValueKind.ToString().ToLowerInvariant());
        }

        return request;
    }

    /// <summary><c>POST /api/v1/connectors/bigquery</c> (admin): create or re-activate the tenant's connection.</summary>
    public static async Task<ApiResult> Connect(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request<ConnectRequest>();
        var tenant = context.Tenant;
        var connectionId = ConnectionStore.IdFor(tenant);
        var credentials = request.ServiceAccountJson is { ValueKind: JsonValueKind.Object } sa && sa.EnumerateObject().Any() ? sa.GetRawText() : null;

        // Without a BigQuery project the tenant is bound to the embedded demo warehouse; with one, the credentials must
        // work before anything is stored (CONN-2).
        var warehouses = context.Service<WarehouseResolver>();
        if (warehouses.DefaultWarehouse == WarehouseResolver.BigQueryWarehouseKind)
        {
            var options = context.Service<ServiceOptions>();
            using var probe = warehouses.ForCredentials(tenant, credentials ?? (options.BigQueryServiceAccountJson.Length > 0 ? options.BigQueryServiceAccountJson : null));
            if (!await probe.PingAsync(context.Cancellation))
            {
                throw new ApiException(StatusCodes.Status502BadGateway, "BigQuery connection test failed: check the service account and its access to the project");
            }
        }

        await context.Service<Tenants.TenantStore>().EnsureAsync(tenant, "connect", context.Cancellation);
        var (connection, created) = await context.Service<ConnectionStore>()
            .ConnectAsync(tenant, connectionId, warehouses.DefaultWarehouse, credentials, context.Cancellation);

        // A (re)connect may point at different data: nothing cached for the connection stays valid.
        await context.Service<IAutopilotCache>().InvalidateConnectionAsync(tenant, connectionId, context.Cancellation);
        var audit = context.Service<AuditLog>();
        await audit.AppendAsync(tenant, "connector_connected", new { connection_id = connectionId, status = connection.Status, created }, context.Cancellation);
        await audit.AppendAsync(tenant, "connector_connect_requested", new { connection_id = connectionId }, context.Cancellation);
        return ApiResult.Ok(new { connection_id = connectionId, status = connection.Status, warehouse = connection.Warehouse });
    }

    /// <summary><c>POST /api/v1/connectors/{connection_id}/disconnect</c> (admin): mark disconnected, erase credentials, drop its catalog.</summary>
    public static async Task<ApiResult> Disconnect(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var connectionId = context.RouteValue("connection_id");
        var audit = context.Service<AuditLog>();

        // Another tenant's id behaves exactly like an unknown one (TEN-7, CONN-7).
        var connection = await context.Service<ConnectionStore>().DisconnectAsync(tenant, connectionId, context.Cancellation);
        if (connection is null)
        {
            await audit.AppendAsync(tenant, "connector_disconnect_requested", new { connection_id = connectionId, status = "not_found" }, context.Cancellation);
            return ApiResult.Ok(new { status = "not_found", connection_id = connectionId });
        }

        // Work running against this connection cannot finish meaningfully: cancel it, running and queued (CONN-5).
        var (cancelledRunning, cancelledQueued) = await context.Service<WorkflowCancellation>().CancelAllAsync(context.Durable, tenant, context.Cancellation);
        var catalogRows = await context.Service<CatalogStore>().DeleteConnectionAsync(tenant, connectionId, context.Cancellation);
        var purged = await context.Service<IAutopilotCache>().InvalidateConnectionAsync(tenant, connectionId, context.Cancellation);
        var body = new
        {
            status = "disconnected",
            connection_id = connectionId,
            cache_entries_purged = purged,
            cancelled_active_workflows = cancelledRunning,
            cancelled_queued_workflows = cancelledQueued,
            catalog_rows_deleted = catalogRows,
        };
        await audit.AppendAsync(tenant, "connector_disconnected", body, context.Cancellation);
        await audit.AppendAsync(tenant, "connector_disconnect_requested", new { connection_id = connectionId, status = "disconnected" }, context.Cancellation);
        return ApiResult.Ok(body);
    }
}
