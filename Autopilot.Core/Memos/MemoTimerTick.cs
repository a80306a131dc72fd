namespace Autopilot.Core.Memos;

/// <summary>One tick's count of tenants by <see cref="MemoTimerOutcome"/>.</summary>
public sealed record MemoTimerTick(IReadOnlyDictionary<MemoTimerOutcome, int> Tenants)
{
    public int Count(MemoTimerOutcome outcome) => Tenants.TryGetValue(outcome, out var count) ? count : 0;
}
