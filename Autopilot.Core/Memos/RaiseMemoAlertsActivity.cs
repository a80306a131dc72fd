using Autopilot.Core.Alerts;
using Autopilot.Core.Storage;
using Microsoft.DurableTask;

namespace Autopilot.Core.Memos;

/// <summary>
/// MEMO-21 / AUTO-3: each non-blank anomaly note raises a P2 data-quality alert. The dedupe key is a stable hash of the
/// note (the seed's was process-randomised, so restarts duplicated), so a rerun, a replay or next week's memo with the
/// same note updates the open alert instead of adding one.
/// </summary>
public sealed class RaiseMemoAlertsActivity : TaskActivity<MemoAlertsInput, int>
{
    public const string Title = "Data quality anomaly detected";

    private readonly IAlertSink _alerts;

    public RaiseMemoAlertsActivity(IAlertSink alerts) => _alerts = alerts;

    public static string DedupeKey(string note) => $"memo_anomaly:{Ids.Sha256Hex(note)[..16]}";

    public override async Task<int> RunAsync(TaskActivityContext context, MemoAlertsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notes = input.Notes.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var note in notes)
        {
            await _alerts.RaiseAsync(input.TenantId, new AlertRequest(DedupeKey(note), Title, note, "P2", "data_quality", "memo"), CancellationToken.None);
        }

        return notes.Count;
    }
}
