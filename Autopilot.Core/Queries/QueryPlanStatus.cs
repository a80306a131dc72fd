namespace Autopilot.Core.Queries;

public enum QueryPlanStatus
{
    Blocked,
    ApprovalRequired,
    Ready,
}
