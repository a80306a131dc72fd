using System.Globalization;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Admission;

/// <summary>
/// The service-wide in-flight limit (<see cref="ServiceOptions.MaxInFlightWorkflows"/>): one row per slot, numbered
/// 0…limit−1, in one partition. Taking a slot is a conditional insert of a free number, so replicas racing for the same
/// number cannot both win and there is no single hot row to fight over; freeing a slot deletes its row. A holder that
/// crashed between taking a slot and committing its tenant's admission leaks the row; <see cref="HoldersAsync"/> lets
/// the queue sweep find and free such rows (<see cref="QueueSweep"/>).
/// </summary>
/// <remarks>Agent runs are interactive and have their own per-tenant cap; they do not take service slots.</remarks>
public sealed class ServiceSlots
{
    private const string TableName = "AdmissionService";
    private const string Partition = "slots";
    private const int MaxTries = 8;
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public ServiceSlots(TableStorage storage, ServiceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage;
        _time = time;
        Limit = options.MaxInFlightWorkflows;
    }

    public int Limit { get; }

    /// <summary>Whether a workflow of this type needs a service slot.</summary>
    public static bool Applies(string workflowType) => workflowType != Workflows.WorkflowTypes.Agent;

    /// <summary>Takes a slot for the workflow, or confirms it holds one; false when all slots are held.</summary>
    public async Task<bool> TryTakeAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var holders = await ReadAsync(table, cancellation);
            if (holders.Any(h => h.WorkflowId == workflowId && h.TenantId == tenantId))
            {
                return true;
            }

            var taken = holders.Select(h => h.Slot).ToHashSet();
            var free = Enumerable.Range(0, Limit).Where(i => !taken.Contains(i)).ToList();
            if (holders.Count >= Limit || free.Count == 0)
            {
                return false;
            }

            // A random free number, so replicas taking slots at once rarely pick the same one.
#pragma warning disable CA5394 // Spreading, not security.
            var slot = free[Random.Shared.Next(free.Count)];
#pragma warning restore CA5394
            try
            {
                await table.AddEntityAsync(new TableEntity(Partition, Row(slot))
                {
                    ["tenant_id"] = tenantId,
                    ["workflow_id"] = workflowId,
                    ["taken_at"] = _time.GetUtcNow(),
                }, cancellation);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone took that number first: read again.
            }
        }

        return false;
    }

    /// <summary>Frees the workflow's slot, if it holds one.</summary>
    public async Task ReleaseAsync(string tenantId, string workflowId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        foreach (var holder in (await ReadAsync(table, cancellation)).Where(h => h.WorkflowId == workflowId && h.TenantId == tenantId))
        {
            await DeleteAsync(table, holder, cancellation);
        }
    }

    /// <summary>Frees a slot only if it is still the row that was read (its ETag): a repair never frees a re-taken slot.</summary>
    public async Task ReleaseExactAsync(ServiceSlotHolder holder, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        await DeleteAsync(table, holder, cancellation);
    }

    public async Task<IReadOnlyList<ServiceSlotHolder>> HoldersAsync(CancellationToken cancellation) =>
        await ReadAsync(await _storage.TableAsync(TableName), cancellation);

    private static async Task<List<ServiceSlotHolder>> ReadAsync(TableClient table, CancellationToken cancellation)
    {
        var holders = new List<ServiceSlotHolder>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellation))
        {
            holders.Add(new ServiceSlotHolder(int.Parse(e.RowKey, CultureInfo.InvariantCulture), e.GetString("tenant_id"), e.GetString("workflow_id"),
                e.GetDateTimeOffset("taken_at") ?? default, e.ETag));
        }

        return holders;
    }

    private static async Task DeleteAsync(TableClient table, ServiceSlotHolder holder, CancellationToken cancellation)
    {
        try
        {
            await table.DeleteEntityAsync(Partition, Row(holder.Slot), holder.ETag, cancellation);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Already freed (and perhaps taken again by another workflow, which keeps it).
        }
    }

    private static string Row(int slot) => slot.ToString("D6", CultureInfo.InvariantCulture);
}
