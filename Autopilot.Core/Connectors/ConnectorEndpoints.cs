using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Caching;
using Autopilot.Core.Connectors.Disconnect;
using Autopilot.Core.Engine;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using DurableTask.Core.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

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

    /// <summary>
    /// <c>POST /api/v1/connectors/{connection_id}/disconnect</c> (admin): runs <see cref="DisconnectOrchestration"/> — 200 with
    /// its counts when it finishes within the bounded wait, else 202 with the instance to follow. A repeated call while one
    /// runs joins it (one instance id per connection).
    /// </summary>
    public static async Task<ApiResult> Disconnect(ApiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.Tenant;
        var connectionId = context.RouteValue("connection_id");

        // Another tenant's id behaves exactly like an unknown one (TEN-7, CONN-7).
        if (await context.Service<ConnectionStore>().GetAsync(tenant, connectionId, context.Cancellation) is null)
        {
            await context.Service<AuditLog>().AppendAsync(tenant, "connector_disconnect_requested", new { connection_id = connectionId, status = "not_found" }, context.Cancellation);
            return ApiResult.Ok(new { status = "not_found", connection_id = connectionId });
        }

        var wait = WorkflowResponses.WaitFor(context);
        var instanceId = DisconnectInstanceId(tenant, connectionId);
        try
        {
            await context.Durable.ScheduleNewOrchestrationInstanceAsync(nameof(DisconnectOrchestration), new DisconnectInput(tenant, connectionId),
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended),
                context.Cancellation);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A disconnect of this connection is under way: answer with that one.
        }

        var done = wait > TimeSpan.Zero ? await WorkflowWaiter.WaitAsync(context.Durable, instanceId, wait, context.Cancellation) : null;
        return done is { RuntimeStatus: OrchestrationRuntimeStatus.Completed }
            ? ApiResult.Ok(done.ReadOutputAs<DisconnectResult>()!)
            : ApiResult.Accepted(new { status = "disconnecting", connection_id = connectionId, instance_id = instanceId });
    }

    /// <summary>One instance id per connection (hashed: ids are listed by the engine, tenants need not be).</summary>
    public static string DisconnectInstanceId(string tenantId, string connectionId) => "disc-" + Storage.Ids.Sha256Hex(tenantId + "\n" + connectionId)[..24];
}
