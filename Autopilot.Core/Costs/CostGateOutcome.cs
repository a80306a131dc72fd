namespace Autopilot.Core.Costs;

/// <summary>What the cost gate lets a query do.</summary>
public enum CostGateOutcome
{
    Allowed,
    ApprovalRequired,
    Blocked,
}
