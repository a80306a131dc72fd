using Autopilot.Core.Tenants;

namespace Autopilot.Core.Memos;

/// <summary>A tenant's <see cref="MemoSchedule"/>: its own setting, else <see cref="MemoSchedule.Default"/>.</summary>
public sealed class MemoScheduleStore
{
    private readonly TenantSettingsStore _settings;

    public MemoScheduleStore(TenantSettingsStore settings) => _settings = settings;

    public async Task<(MemoSchedule Schedule, bool IsDefault)> GetAsync(string tenantId, CancellationToken cancellation) =>
        await _settings.GetAsync<MemoSchedule>(tenantId, MemoSchedule.SettingName, cancellation) is { } own ? (own, false) : (MemoSchedule.Default, true);

    public Task SetAsync(string tenantId, MemoSchedule schedule, CancellationToken cancellation) =>
        _settings.SetAsync(tenantId, MemoSchedule.SettingName, schedule, cancellation);
}
