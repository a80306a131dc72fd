namespace Autopilot.Core.Memos;

/// <summary>What one timer tick did for one tenant.</summary>
public enum MemoTimerOutcome
{
    NotConnected,
    NotDue,
    Started,
    Queued,
    AlreadyStarted,
    Failed,
}
