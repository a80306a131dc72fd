using System.Text.Json.Nodes;
using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Tenants;
using Autopilot.Server.Engine;
using Autopilot.Tests.Infrastructure;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;

namespace Autopilot.Tests.Alerts.Lifecycle;

/// <summary>
/// What the alert lifecycle tests read beside a real server process: its alert rows and tenant settings (Azurite, directly)
/// and its engine's instances (a client on the same task hub, with no worker of its own).
/// </summary>
public sealed class AlertLifecycleServer
{
    /// <summary>A second of the alert clock: policies and reminders in "minutes" run in seconds.</summary>
    public static IDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["ALERT_MINUTE"] = "00:00:01",
        ["ALERT_SWEEP_INTERVAL"] = "00:00:02",
    };

    public AlertLifecycleServer(string hub)
    {
        var storage = new StorageFactory(hub);
        Settings = new TenantSettingsStore(storage.Tables);
        Alerts = new AlertStore(storage.Tables, Settings, TimeProvider.System, new Autopilot.Core.ServiceOptions { AlertMinute = TimeSpan.FromSeconds(1) });
        Engine = new AzureStorageDurableTaskClient(new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(TestEnvironment.StorageConnectionString),
            TaskHubName = hub,
        }), TimeProvider.System);
    }

    /// <summary>The server's alert store, on the same one-second alert minute: a raise here is a raise whose lifecycle never started.</summary>
    public AlertStore Alerts { get; }

    public TenantSettingsStore Settings { get; }

    public DurableTaskClient Engine { get; }

    public static string NewTenant(string purpose) => $"org_{purpose}{Guid.NewGuid():N}"[..20];

    public static string RaiseBody(string tenant, string key, string severity = "P1") =>
        new JsonObject { ["org_id"] = tenant, ["dedupe_key"] = key, ["title"] = "Orders late", ["message"] = "orders is 9 h old", ["severity"] = severity }.ToJsonString();

    public static string PolicyBody(string tenant, string severity, int minutes) =>
        new JsonObject { ["org_id"] = tenant, ["policy"] = new JsonObject { [severity] = minutes } }.ToJsonString();

    /// <summary>Stores the tenant's acknowledgement reminder minutes as the routing routes would (NTF-1).</summary>
    public Task SetReminderMinutesAsync(string tenant, int minutes) =>
        Settings.SetAsync(tenant, AckReminder.RoutingSettingName, new JsonObject { ["ack_reminder_minutes"] = minutes }, CancellationToken.None);

    public async Task<Alert> AlertAsync(string tenant, string alertId) =>
        await Alerts.GetAsync(tenant, alertId, CancellationToken.None) ?? throw new InvalidOperationException($"alert {alertId} not found");

    public Task<OrchestrationMetadata?> LifecycleAsync(string tenant, string alertId) =>
        Engine.GetInstanceAsync(AlertLifecycleOrchestration.InstanceIdFor(tenant, alertId), getInputsAndOutputs: true);

    /// <summary>The AlertNotify instances started for the alert, by event type (from their instance ids).</summary>
    public async Task<IReadOnlyList<OrchestrationMetadata>> AnnouncementsAsync(string tenant, string alertId, string eventType)
    {
        var prefix = AlertNotifyOrchestration.InstanceIdFor(new AlertEvent(tenant, alertId, eventType, eventType)) + "-";
        var found = new List<OrchestrationMetadata>();
        await foreach (var instance in Engine.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            found.Add(instance);
        }

        return found;
    }

    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, string failure)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{failure} (last seen: {value})");
            }

            await Task.Delay(200);
        }
    }
}
