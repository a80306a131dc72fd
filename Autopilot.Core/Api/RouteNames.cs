namespace Autopilot.Core.Api;

/// <summary>Route names: also the Azure Functions function names.</summary>
public static class RouteNames
{
    public const string Health = "Health";
    public const string Ready = "Ready";
    public const string ConnectBigQuery = "ConnectBigQuery";
    public const string DisconnectConnector = "DisconnectConnector";
    public const string StartProfile = "StartProfile";
    public const string ListWorkflowRuns = "ListWorkflowRuns";
    public const string WorkflowStatus = "WorkflowStatus";
}
