namespace Autopilot.Core.Costs;

/// <summary>One journalled operation: <c>Bytes</c> −1 is a release of a reservation held in Redis.</summary>
internal readonly record struct CostJournalEntry(string ReservationId, long Bytes, long AtMs)
{
    public bool IsRelease => Bytes < 0;
}
