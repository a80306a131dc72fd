using System.Text.Json;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// The engine's instance state and history of the tenant's orchestrations (workflows, agent runs, query runs, notifications,
/// re-encrypt passes...): every instance whose id or input names the tenant. A live one is terminated first, then its
/// history purged through the <see cref="DurableTaskClient"/>, the same on both runtimes.
/// </summary>
/// <remarks>
/// Instance ids do not all carry the tenant (agent runs and re-encrypt passes use random ids), so this reads inputs: one
/// scan of the hub's instances per page. Purge is rare and admin-only; a tenant-to-instance index would make it cheaper.
/// </remarks>
public sealed class EngineInstances : ITenantData
{
    public const string StoreName = "engine_instances";
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(20);
    private readonly DurableTaskClient _client;
    private readonly TimeProvider _time;

    public EngineInstances(DurableTaskClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    public string Name => StoreName;

    public IReadOnlyList<string> Tables { get; } = [];

    public async Task<long> CountAsync(string tenantId, CancellationToken cancellation) => (await FindAsync(tenantId, int.MaxValue, cancellation)).Count;

    public async Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation)
    {
        var found = await FindAsync(tenantId, max, cancellation);
        foreach (var instance in found)
        {
            if (!instance.IsCompleted)
            {
                await _client.TerminateInstanceAsync(instance.InstanceId, "tenant purged", cancellation);
                await WaitCompletedAsync(instance.InstanceId, cancellation);
            }

            await _client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellation);
        }

        return found.Count;
    }

    private async Task WaitCompletedAsync(string instanceId, CancellationToken cancellation)
    {
        var started = _time.GetTimestamp();
        while (_time.GetElapsedTime(started) < TerminateWait)
        {
            var state = await _client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation);
            if (state is null || state.IsCompleted)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _time, cancellation);
        }
    }

    private async Task<List<OrchestrationMetadata>> FindAsync(string tenantId, int max, CancellationToken cancellation)
    {
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in _client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true, PageSize = 200 }).WithCancellation(cancellation))
        {
            if (Names(instance, tenantId))
            {
                found.Add(instance);
                if (found.Count >= max)
                {
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Whether the instance belongs to the tenant: its id carries it as a segment, or its input has a tenant property equal to it.</summary>
    public static bool Names(OrchestrationMetadata instance, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.InstanceId.Contains("-" + tenantId + "-", StringComparison.Ordinal))
        {
            return true;
        }

        if (string.IsNullOrEmpty(instance.SerializedInput) || !instance.SerializedInput.Contains(tenantId, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var input = JsonDocument.Parse(instance.SerializedInput);
            return HasTenant(input.RootElement, tenantId, depth: 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasTenant(JsonElement element, string tenantId, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        return element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Any(p =>
                (IsTenantProperty(p.Name) && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == tenantId) || HasTenant(p.Value, tenantId, depth + 1)),
            JsonValueKind.Array => element.EnumerateArray().Any(e => HasTenant(e, tenantId, depth + 1)),
            _ => false,
        };
    }

    private static bool IsTenantProperty(string name) =>
        name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() is "TENANTID" or "TENANT" or "ORGID";
}
