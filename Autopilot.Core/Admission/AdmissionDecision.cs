namespace Autopilot.Core.Admission;

/// <summary>The outcome of asking for a slot: admitted, or queued at a 1-based position; or the item was cancelled.</summary>
public sealed record AdmissionDecision(bool Admitted, bool Cancelled, string? QueueId, int Position, string? Reason)
{
    public static AdmissionDecision Running { get; } = new(true, false, null, 0, null);
}
