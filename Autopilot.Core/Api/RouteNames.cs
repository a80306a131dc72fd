namespace Autopilot.Core.Api;

/// <summary>Route names: also the Azure Functions function names.</summary>
public static class RouteNames
{
    public const string Health = "Health";
    public const string Ready = "Ready";
    public const string ConnectBigQuery = "ConnectBigQuery";
    public const string DisconnectConnector = "DisconnectConnector";
    public const string ReencryptCredentials = "ReencryptCredentials";
    public const string StartProfile = "StartProfile";
    public const string StartDashboard = "StartDashboard";
    public const string StartMemo = "StartMemo";
    public const string MemoWeekOverWeek = "MemoWeekOverWeek";
    public const string ListWorkflowRuns = "ListWorkflowRuns";
    public const string WorkflowStatus = "WorkflowStatus";
    public const string StartFaultTest = "StartFaultTest";
    public const string ProcessQueue = "ProcessQueue";
    public const string WorkflowQueue = "WorkflowQueue";
    public const string DeadLetters = "DeadLetters";
    public const string RequeueDeadLetter = "RequeueDeadLetter";
    public const string RetryWorkflow = "RetryWorkflow";
    public const string CancelWorkflow = "CancelWorkflow";
    public const string CancelAllWorkflows = "CancelAllWorkflows";
    public const string WorkflowLimits = "WorkflowLimits";
    public const string SetWorkflowLimits = "SetWorkflowLimits";
    public const string PiiReview = "PiiReview";
    public const string ConfirmPiiReview = "ConfirmPiiReview";
    public const string PreviewQuery = "PreviewQuery";
    public const string ApproveRunQuery = "ApproveRunQuery";
    public const string QueryLimits = "QueryLimits";
    public const string SetQueryLimits = "SetQueryLimits";
    public const string AgentRun = "AgentRun";
    public const string AgentRunStatus = "AgentRunStatus";
    public const string ApproveAgentRun = "ApproveAgentRun";
    public const string CreateFeedback = "CreateFeedback";
    public const string FeedbackSummary = "FeedbackSummary";
    public const string FeedbackProviderSummary = "FeedbackProviderSummary";
    public const string FeedbackReview = "FeedbackReview";
    public const string ResolveFeedback = "ResolveFeedback";
    public const string RaiseAlert = "RaiseAlert";
    public const string ListAlerts = "ListAlerts";
    public const string AcknowledgeAlert = "AcknowledgeAlert";
    public const string SnoozeAlert = "SnoozeAlert";
    public const string ResolveAlert = "ResolveAlert";
    public const string EscalateAlerts = "EscalateAlerts";
    public const string AlertPolicy = "AlertPolicy";
    public const string SetAlertPolicy = "SetAlertPolicy";
    public const string ListArtifacts = "ListArtifacts";
    public const string GetArtifact = "GetArtifact";
    public const string ArtifactVersions = "ArtifactVersions";
    public const string ArtifactLineage = "ArtifactLineage";
    public const string ArtifactDiff = "ArtifactDiff";
    public const string DashboardPage = "DashboardPage";
    public const string MemoPage = "MemoPage";
    public const string PageAsset = "PageAsset";
    public const string MemoSchedule = "MemoSchedule";
    public const string SetMemoSchedule = "SetMemoSchedule";
}
