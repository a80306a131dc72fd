using System.Text.Json;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Alerts;

/// <summary>
/// A tenant's alerts in one partition: a row per alert (<c>a|{id}</c>) and a pointer per dedupe key (<c>d|{sha256}</c>)
/// naming the live alert of that key. A raise creates the alert and its pointer in one batch, so two replicas raising
/// one key concurrently end with one alert (the loser's insert conflicts and it updates instead). Every change is an
/// ETag-conditioned replace, retried on a race.
/// </summary>
public sealed partial class AlertStore : IAlertSink
{
    private const string TableName = "Alerts";
    private const int MaxAttempts = 8;
    private readonly TableStorage _storage;
    private readonly TenantSettingsStore _settings;
    private readonly TimeProvider _time;
    private readonly TimeSpan _minute;

    /// <param name="options">Its <see cref="ServiceOptions.AlertMinute"/> is the minute policies count in (a real minute without options).</param>
    public AlertStore(TableStorage storage, TenantSettingsStore settings, TimeProvider time, ServiceOptions? options = null)
    {
        _storage = storage;
        _settings = settings;
        _time = time;
        _minute = options?.AlertMinute ?? TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// ALERT-3: the live alert with the request's dedupe key is updated in place (title, message, severity replaced;
    /// snooze cleared; reopened and rescheduled unless acknowledged); otherwise a new open alert is created.
    /// </summary>
    public async Task<Alert> RaiseAsync(string tenantId, AlertRequest alert, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        var pointerKey = "d|" + Ids.Sha256Hex(alert.DedupeKey);
        var policy = await PolicyAsync(tenantId, cancellation);
        for (var attempt = 1; ; attempt++)
        {
            var now = _time.GetUtcNow();
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, pointerKey, cancellationToken: cancellation);
            var live = pointer.HasValue ? await ReadAsync(table, partition, pointer.Value!.GetString("alert_id"), cancellation) : null;
            try
            {
                if (live is { Alert: var current, ETag: var etag } && AlertStatuses.IsLive(current.Status))
                {
                    var acknowledged = current.Status == AlertStatuses.Acknowledged;
                    var updated = current with
                    {
                        Title = alert.Title,
                        Message = alert.Message,
                        Severity = alert.Severity,
                        LastNotifiedAt = now,
                        SnoozedUntil = null,
                        SnoozedBy = null,
                        SnoozedReason = null,
                        Status = acknowledged ? current.Status : AlertStatuses.Open,
                        NextEscalationAt = acknowledged ? current.NextEscalationAt : now + policy.For(alert.Severity, _minute),
                    };
                    await table.UpdateEntityAsync(ToEntity(updated), etag, TableUpdateMode.Replace, cancellation);
                    return updated;
                }

                var created = new Alert(Ids.New("alt"), tenantId, alert.SourceType, alert.SourceId, alert.DedupeKey, alert.Title, alert.Message, alert.Severity,
                    AlertStatuses.Open, 0, now, now + policy.For(alert.Severity, _minute), null, null, null, null, null, null, now);
                var newPointer = new TableEntity(partition, pointerKey) { ["alert_id"] = created.AlertId };
                TableTransactionAction pointerAction = pointer.HasValue
                    ? new(TableTransactionActionType.UpdateReplace, newPointer, pointer.Value!.ETag)
                    : new(TableTransactionActionType.Add, newPointer);
                await table.SubmitTransactionAsync([new(TableTransactionActionType.Add, ToEntity(created)), pointerAction], cancellation);
                return created;
            }
            catch (Exception ex) when (IsRace(ex) && attempt < MaxAttempts)
            {
                // Another raise or change of this key won: read again and apply ours on top.
            }
        }
    }

    public async Task<Alert?> GetAsync(string tenantId, string alertId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        return (await ReadAsync(table, TableKey.Escape(tenantId), alertId, cancellation))?.Alert;
    }

    /// <summary>The tenant's alerts, newest created first (ALERT-9), optionally of one status.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(string tenantId, string? status, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey ge {"a|"} and RowKey lt {"a}"}");
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"status eq {status}");
        }

        var alerts = new List<Alert>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            alerts.Add(FromEntity(entity));
        }

        return alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.AlertId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the alert under its ETag, re-reading and re-applying on a race; null when the
    /// alert does not exist. <paramref name="change"/> may throw to refuse (it sees the current state each time).
    /// </summary>
    public async Task<Alert?> UpdateAsync(string tenantId, string alertId, Func<Alert, DateTimeOffset, Alert> change, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        for (var attempt = 1; ; attempt++)
        {
            if (await ReadAsync(table, partition, alertId, cancellation) is not { } current)
            {
                return null;
            }

            var changed = change(current.Alert, _time.GetUtcNow());
            if (ReferenceEquals(changed, current.Alert))
            {
                // Nothing to change: no write, so an unchanged row does not fail a concurrent writer's ETag.
                return changed;
            }

            try
            {
                await table.UpdateEntityAsync(ToEntity(changed), current.ETag, TableUpdateMode.Replace, cancellation);
                return changed;
            }
            catch (Exception ex) when (IsRace(ex) && attempt < MaxAttempts)
            {
                // Changed meanwhile: decide again on what is there now.
            }
        }
    }

    /// <summary>The tenant's effective escalation policy (defaults with its overrides).</summary>
    public async Task<AlertPolicy> PolicyAsync(string tenantId, CancellationToken cancellation)
    {
        var overrides = await _settings.GetAsync<Dictionary<string, int>>(tenantId, AlertPolicy.SettingName, cancellation);
        return overrides is null ? AlertPolicy.Default : AlertPolicy.Default.With(overrides);
    }

    /// <summary>Stores <paramref name="overrides"/> on top of the tenant's current ones; existing alerts keep their schedule (ALERT-2).</summary>
    public async Task<AlertPolicy> SetPolicyAsync(string tenantId, IReadOnlyDictionary<string, int> overrides, CancellationToken cancellation)
    {
        var stored = await _settings.GetAsync<Dictionary<string, int>>(tenantId, AlertPolicy.SettingName, cancellation) ?? new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (severity, minutes) in overrides)
        {
            stored[severity] = minutes;
        }

        await _settings.SetAsync(tenantId, AlertPolicy.SettingName, stored, cancellation);
        return AlertPolicy.Default.With(stored);
    }

    private static bool IsRace(Exception ex) => ex is RequestFailedException { Status: 409 or 412 } or TableTransactionFailedException { Status: 409 or 412 };

    private static async Task<(Alert Alert, ETag ETag)?> ReadAsync(TableClient table, string partition, string alertId, CancellationToken cancellation)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(partition, "a|" + TableKey.Escape(alertId), cancellationToken: cancellation);
        return found.HasValue ? (FromEntity(found.Value!), found.Value!.ETag) : null;
    }

    private static TableEntity ToEntity(Alert alert) => new(TableKey.Escape(alert.TenantId), "a|" + TableKey.Escape(alert.AlertId))
    {
        ["status"] = alert.Status,
        ["data"] = JsonSerializer.Serialize(alert, AutopilotJson.Options),
    };

    private static Alert FromEntity(TableEntity entity) => JsonSerializer.Deserialize<Alert>(entity.GetString("data"), AutopilotJson.Options)!;
}
