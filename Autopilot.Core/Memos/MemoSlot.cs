using System.Globalization;

namespace Autopilot.Core.Memos;

/// <summary>
/// A tenant's weekly memo slot: the ISO week (in the tenant's timezone) it belongs to, the local date it is written on
/// (the memo's "today"), the instant it falls due, and whether that instant has passed.
/// </summary>
public sealed record MemoSlot(int IsoYear, int IsoWeek, DateOnly LocalDate, DateTimeOffset DueAt, bool IsDue)
{
    /// <summary>The orchestration and workflow id of the tenant's memo for this week: one per tenant per week, whoever starts it.</summary>
    public string InstanceId(string tenantId) =>
        string.Create(CultureInfo.InvariantCulture, $"memo-{tenantId}-{IsoYear:D4}-W{IsoWeek:D2}");
}
