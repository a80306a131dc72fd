using System.Globalization;
using System.Text.Json;
using Autopilot.Core.Api;
using Autopilot.Core.Engine;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Alerts.Notifications;

/// <summary>
/// A tenant's notifications in one partition of <see cref="TableName"/>: the row <c>n|{id}</c>, plus two immutable index
/// rows written in the same batch — <c>t|{inverted time}|{id}</c> (newest first) and <c>x|{alert}|{inverted time}|{id}</c>
/// (one alert's, newest first). Ids are derived from (alert, event, channel, recipient), so creating a notification twice
/// — a fan-out re-run after a crash — finds the first one instead of adding another.
/// </summary>
public sealed class AlertNotificationStore
{
    public const string TableName = "AlertNotifications";
    private readonly TableStorage _storage;

    public AlertNotificationStore(TableStorage storage) => _storage = storage;

    /// <summary>The id of the one notification of (alert, event, channel, recipient): <c>ntf_</c> + 12 hex of a hash.</summary>
    public static string IdFor(AlertEvent alertEvent, string channelId, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        return "ntf_" + Ids.Sha256Hex(string.Join('\n', alertEvent.TenantId, alertEvent.AlertId, alertEvent.EventType, alertEvent.EventKey, channelId, recipient ?? "\0"))[..12];
    }

    /// <summary>Creates the notification unless it exists; returns the stored one either way.</summary>
    public async Task<AlertNotification> CreateIfAbsentAsync(AlertNotification notification, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(notification.TenantId);
        var inverted = Inverted(notification.CreatedAt);
        var id = TableKey.Escape(notification.NotificationId);
        try
        {
            await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, ToEntity(notification)),
                new(TableTransactionActionType.Add, new TableEntity(partition, $"t|{inverted}|{id}") { ["id"] = notification.NotificationId }),
                new(TableTransactionActionType.Add, new TableEntity(partition, $"x|{TableKey.Escape(notification.AlertId)}|{inverted}|{id}") { ["id"] = notification.NotificationId }),
            ], cancellation);
            return notification;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return (await GetAsync(notification.TenantId, notification.NotificationId, cancellation))?.Notification
                ?? throw new InvalidOperationException($"notification {notification.NotificationId} conflicted but is not stored");
        }
    }

    public async Task<(AlertNotification Notification, ETag ETag)?> GetAsync(string tenantId, string notificationId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TableKey.Escape(tenantId), "n|" + TableKey.Escape(notificationId), cancellationToken: cancellation);
        return found.HasValue ? (FromEntity(found.Value!), found.Value!.ETag) : null;
    }

    /// <summary>Replaces the row if it is unchanged since <paramref name="etag"/>; false when someone else changed it first.</summary>
    public async Task<(bool Replaced, ETag ETag)> TryReplaceAsync(AlertNotification notification, ETag etag, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var table = await _storage.TableAsync(TableName);
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(notification), etag, TableUpdateMode.Replace, cancellation);
            return (true, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return (false, default);
        }
    }

    /// <summary>One page, newest first, of the tenant's notifications or of one alert's (#36).</summary>
    public async Task<ItemPage<AlertNotification>> PageAsync(string tenantId, string? alertId, PageQuery page, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var prefix = alertId is null ? "t|" : $"x|{TableKey.Escape(alertId)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey gt {prefix} and RowKey lt {prefix + "~"}");
        var rows = await TablePaging.PageAsync(table, filter, page, cancellation, select: ["PartitionKey", "RowKey", "id"]);
        var items = new List<AlertNotification>();
        foreach (var row in rows.Items)
        {
            if (await GetAsync(tenantId, row.GetString("id"), cancellation) is { } found)
            {
                items.Add(found.Notification);
            }
        }

        return new ItemPage<AlertNotification>(items, rows.NextCursor);
    }

    /// <summary>NTF-6's candidates: failed, fewer than the most retries, a retry time set and passed.</summary>
    public async Task<IReadOnlyList<AlertNotification>> DueForRetryAsync(string tenantId, DateTimeOffset now, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey gt {"n|"} and RowKey lt {"n|~"} and status eq {NotificationStatuses.Failed} and retry_count lt {NotificationBackoff.MaxRetries} and next_retry_at le {now}");
        var due = new List<AlertNotification>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellation))
        {
            due.Add(FromEntity(entity));
        }

        return due.OrderBy(n => n.NextRetryAt).ToList();
    }

    /// <summary>Counts by status and the retry backlog (NTF-8), reading only those two columns.</summary>
    public async Task<NotificationCounts> CountAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)} and RowKey gt {"n|"} and RowKey lt {"n|~"}");
        int total = 0, sent = 0, failed = 0, queued = 0, backlog = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "status", "next_retry_at"], cancellationToken: cancellation))
        {
            total++;
            switch (entity.GetString("status"))
            {
                case NotificationStatuses.Sent: sent++; break;
                case NotificationStatuses.Queued: queued++; break;
                case NotificationStatuses.Failed:
                    failed++;
                    backlog += entity.GetDateTimeOffset("next_retry_at") is null ? 0 : 1;
                    break;
            }
        }

        return new NotificationCounts(total, sent, failed, queued, backlog);
    }

    private static string Inverted(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(AlertNotification n) => new(TableKey.Escape(n.TenantId), "n|" + TableKey.Escape(n.NotificationId))
    {
        ["status"] = n.Status,
        ["retry_count"] = n.RetryCount,
        ["next_retry_at"] = n.NextRetryAt,
        ["alert_id"] = n.AlertId,
        ["data"] = JsonSerializer.Serialize(n, AutopilotJson.Options),
    };

    private static AlertNotification FromEntity(TableEntity entity) => JsonSerializer.Deserialize<AlertNotification>(entity.GetString("data"), AutopilotJson.Options)!;
}
