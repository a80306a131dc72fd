namespace Autopilot.Core.Admission;

/// <summary>How waiting for a slot ended.</summary>
public enum SlotWait
{
    Admitted,
    Cancelled,
    ContinuedAsNew,
}
