namespace Autopilot.Core.Agent;

public static class GateVerdictStatus
{
    public const string Allowed = "allowed";
    public const string Blocked = "blocked";
    public const string ApprovalRequired = "approval_required";
    public const string Expired = "expired";
}
