using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Alerts;

/// <summary>
/// Records alerts in Table storage, one row per (tenant, dedupe key): raising the same alert again — an activity
/// re-run after a crash — updates nothing and adds nothing. Delivery (routing, notifications) comes with the alerts feature.
/// </summary>
public sealed class TableAlertSink : IAlertSink
{
    private const string TableName = "Alerts";
    private readonly TableStorage _storage;
    private readonly TimeProvider _time;

    public TableAlertSink(TableStorage storage, TimeProvider time)
    {
        _storage = storage;
        _time = time;
    }

    public async Task RaiseAsync(string tenantId, AlertRequest alert, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        var rowKey = Ids.Sha256Hex(alert.DedupeKey);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellation);
        if (found.HasValue)
        {
            return;
        }

        var recorded = new RecordedAlert(Ids.New("alt"), tenantId, alert, "open", _time.GetUtcNow());
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, rowKey) { ["data"] = JsonSerializer.Serialize(recorded, AutopilotJson.Options) }, cancellation);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            // Raised concurrently by another attempt: one row is the point.
        }
    }

    public async Task<IReadOnlyList<RecordedAlert>> ListAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var alerts = new List<RecordedAlert>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}"), cancellationToken: cancellation))
        {
            alerts.Add(JsonSerializer.Deserialize<RecordedAlert>(entity.GetString("data"), AutopilotJson.Options)!);
        }

        return alerts.OrderByDescending(a => a.CreatedAt).ToList();
    }
}
