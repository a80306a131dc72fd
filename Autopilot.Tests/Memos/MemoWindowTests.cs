using Autopilot.Core.Memos;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants;
using Autopilot.Core.Workflows;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Memos;

/// <summary>
/// The memo's windows are fixed in the tenant's timezone (its memo_schedule setting; UTC by default) from the clock, once
/// per run: at one instant, tenants far east and west of UTC get different dates than a UTC tenant.
/// </summary>
public sealed class MemoWindowTests
{
    private readonly TableStorage _tables = new(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = "memowin" + Guid.NewGuid().ToString("N")[..6] });

    [Theory]
    [InlineData("2026-12-06T11:00:00Z", null, "2026-12-06")]
    [InlineData("2026-12-06T11:00:00Z", "Pacific/Kiritimati", "2026-12-07")]
    [InlineData("2026-12-06T05:00:00Z", "America/Los_Angeles", "2026-12-05")]
    [InlineData("2026-12-06T05:00:00Z", "UTC", "2026-12-06")]
    public async Task Today_is_the_tenants_local_date_at_the_clocks_instant(string instant, string? timeZone, string today)
    {
        var tenant = "org_win" + Guid.NewGuid().ToString("N")[..8];
        var settings = new TenantSettingsStore(_tables);
        if (timeZone is not null)
        {
            await settings.SetAsync(tenant, MemoSchedule.SettingName, MemoSchedule.Default with { TimeZone = timeZone }, CancellationToken.None);
        }

        var windows = await Activity(settings, DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture))
            .RunAsync(null!, new MemoWindowsInput(tenant, "wf_" + Guid.NewGuid().ToString("N")[..12], null));

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), windows.Today);
        Assert.Equal(timeZone ?? "UTC", windows.TimeZone);
        Assert.Equal(windows.Today.AddDays(-7), windows.CurrentStart);
        Assert.Equal(windows.Today.AddDays(-14), windows.PreviousStart);
    }

    [Fact]
    public async Task A_run_keeps_its_windows_when_it_resumes_after_midnight()
    {
        var settings = new TenantSettingsStore(_tables);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 23, 59, 0, TimeSpan.Zero));
        var input = new MemoWindowsInput("org_resume", "wf_" + Guid.NewGuid().ToString("N")[..12], null);
        var activity = new FixMemoWindowsActivity(settings, clock, new StepRecorder(new StepStore(_tables, clock)));

        var first = await activity.RunAsync(null!, input);
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await activity.RunAsync(null!, input);

        Assert.Equal(new DateOnly(2026, 12, 6), again.Today);
        Assert.Equal(first, again);
    }

    [Fact]
    public void A_tenants_midnight_bounds_its_windows_in_utc()
    {
        var windows = MemoWindows.For(new DateOnly(2026, 12, 7), "America/Los_Angeles");

        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc), windows.UtcStartOf(windows.PreviousStart));
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), windows.UtcStartOf(windows.Today));
    }

    private FixMemoWindowsActivity Activity(TenantSettingsStore settings, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return new FixMemoWindowsActivity(settings, clock, new StepRecorder(new StepStore(_tables, clock)));
    }
}
