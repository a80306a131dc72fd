using Autopilot.Core.Alerts;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Alerts;

/// <summary>
/// The alert store on real Azurite under a clock the test moves: ALERT-3's create-or-update, escalation on schedule and
/// never twice for one due time, snoozes that end (not the seed's ALERT-8), and one alert per dedupe key under races.
/// </summary>
public sealed class AlertStoreTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly AlertStore _store;

    public AlertStoreTests()
    {
        var tables = new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("alerts") });
        _store = new AlertStore(tables, new TenantSettingsStore(tables), _clock);
    }

    private static string NewTenant() => "org_alert" + Guid.NewGuid().ToString("N")[..8];

    private static AlertRequest Request(string key, string severity = "P1", string title = "Orders late") => new(key, title, "The orders table is late.", severity, "system", null);

    [Fact]
    public async Task Raising_a_live_key_again_updates_the_same_alert_and_a_resolved_one_gives_way_to_a_new_alert()
    {
        var tenant = NewTenant();
        var first = await _store.RaiseAsync(tenant, Request("k"), CancellationToken.None);
        await _store.UpdateAsync(tenant, first.AlertId, (a, now) => a with { Status = AlertStatuses.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = "u1" }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        var again = await _store.RaiseAsync(tenant, Request("k", "P0", "Orders very late"), CancellationToken.None);

        Assert.Equal(first.AlertId, again.AlertId);
        Assert.Equal((AlertStatuses.Acknowledged, "P0", "Orders very late"), (again.Status, again.Severity, again.Title));
        Assert.Equal(first.NextEscalationAt, again.NextEscalationAt); // acknowledged: keeps its old schedule
        await _store.UpdateAsync(tenant, first.AlertId, (a, now) => a with { Status = AlertStatuses.Resolved, ResolvedAt = now }, CancellationToken.None);

        var reopened = await _store.RaiseAsync(tenant, Request("k"), CancellationToken.None);

        Assert.NotEqual(first.AlertId, reopened.AlertId);
        Assert.Equal(AlertStatuses.Open, reopened.Status);
        Assert.Equal(2, (await _store.ListAsync(tenant, null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_alert_escalates_when_its_policy_interval_has_passed_and_once_per_due_time()
    {
        var tenant = NewTenant();
        var alert = await _store.RaiseAsync(tenant, Request("k", "P1"), CancellationToken.None);
        Assert.Equal(Start.AddMinutes(AlertPolicy.Default.Minutes["P1"]), alert.NextEscalationAt);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(await _store.EscalateDueAsync(tenant, "test", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => _store.EscalateDueAsync(tenant, $"caller{i}", CancellationToken.None)));

        var escalated = Assert.Single(racing.SelectMany(r => r)).Alert;
        Assert.Equal((AlertStatuses.Escalated, 1), (escalated.Status, escalated.EscalatedCount));
        Assert.Equal(Start.AddMinutes(60), escalated.NextEscalationAt);
        Assert.Equal(1, (await _store.GetAsync(tenant, alert.AlertId, CancellationToken.None))!.EscalatedCount);
    }

    [Fact]
    public async Task A_snooze_holds_escalation_until_it_ends_and_then_the_alert_is_due_again()
    {
        var tenant = NewTenant();
        var alert = await _store.RaiseAsync(tenant, Request("k", "P0"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(15));
        await _store.UpdateAsync(tenant, alert.AlertId, (a, now) => a with { SnoozedUntil = now.AddMinutes(10), SnoozedBy = "u1" }, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await _store.EscalateDueAsync(tenant, "test", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await _store.EscalateDueAsync(tenant, "test", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_raises_of_one_key_leave_exactly_one_alert()
    {
        var tenant = NewTenant();

        var raised = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _store.RaiseAsync(tenant, Request("same"), CancellationToken.None)));

        Assert.Single(raised.Select(a => a.AlertId).Distinct());
        Assert.Single(await _store.ListAsync(tenant, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_policy_change_applies_to_new_alerts_and_leaves_existing_schedules_alone()
    {
        var tenant = NewTenant();
        var before = await _store.RaiseAsync(tenant, Request("old", "P2"), CancellationToken.None);

        var policy = await _store.SetPolicyAsync(tenant, new Dictionary<string, int> { ["P2"] = 20 }, CancellationToken.None);
        var after = await _store.RaiseAsync(tenant, Request("new", "P2"), CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["P0"] = 15, ["P1"] = 30, ["P2"] = 20, ["P3"] = 120 }, policy.Minutes);
        Assert.Equal(Start.AddMinutes(60), (await _store.GetAsync(tenant, before.AlertId, CancellationToken.None))!.NextEscalationAt);
        Assert.Equal(Start.AddMinutes(20), after.NextEscalationAt);
    }
}
