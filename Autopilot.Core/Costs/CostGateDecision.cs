namespace Autopilot.Core.Costs;

/// <summary>
/// The cost gate's decision for one query: the outcome, the seed's reason string when not plainly allowed, the
/// estimate and its price, the budget answer (absent when the hard cap blocked first) and, when bytes were
/// reserved for the query, the reservation to reconcile after it ran or release if it did not.
/// </summary>
public sealed record CostGateDecision(
    CostGateOutcome Outcome,
    string? Reason,
    long EstimatedBytes,
    double EstimatedCostUsd,
    BudgetDecision? Budget,
    string? ReservationId)
{
    public bool Allowed => Outcome == CostGateOutcome.Allowed;

    public bool RequiresApproval => Outcome == CostGateOutcome.ApprovalRequired;
}
