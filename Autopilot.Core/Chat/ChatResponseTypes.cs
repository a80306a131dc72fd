namespace Autopilot.Core.Chat;

/// <summary>The seed's chat <c>response_type</c> values (spec §12.1).</summary>
public static class ChatResponseTypes
{
    public const string QueryResult = "query_result";
    public const string ApprovalRequired = "approval_required";
    public const string Blocked = "blocked";
    public const string Error = "error";
    public const string WorkflowResult = "workflow_result";
    public const string Queued = "queued";
}
