using Autopilot.Core.Tenants;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// Fixes the memo's windows in the tenant's timezone (the <see cref="MemoSchedule"/> setting, UTC by default): from the
/// date the timer passed, or from the clock converted to that timezone. Recorded per run, so a replayed or resumed memo
/// keeps the windows it started with even when it resumes after midnight.
/// </summary>
public sealed class FixMemoWindowsActivity : TaskActivity<MemoWindowsInput, MemoWindows>
{
    private readonly TenantSettingsStore _settings;
    private readonly TimeProvider _time;
    private readonly StepRecorder _steps;

    public FixMemoWindowsActivity(TenantSettingsStore settings, TimeProvider time, StepRecorder steps)
    {
        _settings = settings;
        _time = time;
        _steps = steps;
    }

    public override Task<MemoWindows> RunAsync(TaskActivityContext context, MemoWindowsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, MemoSteps.FixWindows, input, async ct =>
        {
            var schedule = await _settings.GetAsync<MemoSchedule>(input.TenantId, MemoSchedule.SettingName, ct) ?? MemoSchedule.Default;
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _) ? schedule.TimeZone : MemoSchedule.Default.TimeZone;
            var today = input.Today ?? MemoWindows.LocalDate(_time.GetUtcNow(), zone);
            return MemoWindows.For(today, zone);
        }, CancellationToken.None);
    }
}
