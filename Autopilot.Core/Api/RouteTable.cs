using Autopilot.Core.Agent;
using Autopilot.Core.Connectors;
using Autopilot.Core.Health;
using Autopilot.Core.Pii;
using Autopilot.Core.Queries;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Api;

/// <summary>
/// The one list of HTTP routes. The server maps exactly these; the Functions app declares one function per
/// route, and a test asserts both agree (method + template).
/// </summary>
public static class RouteTable
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new(RouteNames.Health, "GET", "health", RouteAccess.Public, HealthEndpoints.Health),
        new(RouteNames.Ready, "GET", "ready", RouteAccess.Public, HealthEndpoints.Ready),
        new(RouteNames.ConnectBigQuery, "POST", "api/v1/connectors/bigquery", RouteAccess.Admin, ConnectorEndpoints.Connect),
        new(RouteNames.DisconnectConnector, "POST", "api/v1/connectors/{connection_id}/disconnect", RouteAccess.Admin, ConnectorEndpoints.Disconnect),
        new(RouteNames.ReencryptCredentials, "POST", "api/v1/connectors/reencrypt", RouteAccess.Admin, CredentialRotationEndpoints.Reencrypt),
        new(RouteNames.StartProfile, "POST", "api/v1/workflows/profile", RouteAccess.Member, WorkflowEndpoints.StartProfile),
        new(RouteNames.ListWorkflowRuns, "GET", "api/v1/workflows/runs", RouteAccess.Member, WorkflowEndpoints.ListRuns),
        new(RouteNames.WorkflowStatus, "GET", "api/v1/workflows/{workflow_id}/status", RouteAccess.Member, WorkflowEndpoints.Status),
        new(RouteNames.StartFaultTest, "POST", "api/v1/workflows/fault-test", RouteAccess.Member, WorkflowEndpoints.StartFaultTest),
        new(RouteNames.ProcessQueue, "POST", "api/v1/workflows/process-queue", RouteAccess.Member, WorkflowEndpoints.ProcessQueue),
        new(RouteNames.WorkflowQueue, "GET", "api/v1/workflows/queue", RouteAccess.Member, WorkflowEndpoints.Queue),
        new(RouteNames.DeadLetters, "GET", "api/v1/workflows/dead-letters", RouteAccess.Member, WorkflowEndpoints.DeadLetters),
        new(RouteNames.RequeueDeadLetter, "POST", "api/v1/workflows/dead-letters/{dead_letter_id}/requeue", RouteAccess.Member, WorkflowEndpoints.RequeueDeadLetter),
        new(RouteNames.RetryWorkflow, "POST", "api/v1/workflows/retry", RouteAccess.Member, WorkflowEndpoints.Retry),
        new(RouteNames.CancelWorkflow, "POST", "api/v1/workflows/{workflow_id}/cancel", RouteAccess.Member, WorkflowEndpoints.Cancel),
        new(RouteNames.CancelAllWorkflows, "POST", "api/v1/workflows/cancel-all", RouteAccess.Admin, WorkflowEndpoints.CancelAll),
        new(RouteNames.WorkflowLimits, "GET", "api/v1/workflows/limits", RouteAccess.Member, WorkflowEndpoints.Limits),
        new(RouteNames.SetWorkflowLimits, "POST", "api/v1/workflows/limits", RouteAccess.Admin, WorkflowEndpoints.SetLimits),
        new(RouteNames.PiiReview, "GET", "api/v1/pii/review", RouteAccess.Member, PiiReviewEndpoints.Review),
        new(RouteNames.ConfirmPiiReview, "POST", "api/v1/pii/review/confirm", RouteAccess.Member, PiiReviewEndpoints.Confirm),
        new(RouteNames.PreviewQuery, "POST", "api/v1/queries/preview", RouteAccess.Member, QueryEndpoints.Preview),
        new(RouteNames.ApproveRunQuery, "POST", "api/v1/queries/approve-run", RouteAccess.Member, QueryEndpoints.ApproveRun),
        new(RouteNames.QueryLimits, "GET", "api/v1/queries/limits", RouteAccess.Member, QueryLimitsEndpoints.Get),
        new(RouteNames.SetQueryLimits, "POST", "api/v1/queries/limits", RouteAccess.Admin, QueryLimitsEndpoints.Set),
        new(RouteNames.AgentRun, "POST", "api/v1/agent/run", RouteAccess.Member, AgentEndpoints.Run),
        new(RouteNames.AgentRunStatus, "GET", "api/v1/agent/runs/{run_id}", RouteAccess.Member, AgentEndpoints.Status),
        new(RouteNames.ApproveAgentRun, "POST", "api/v1/agent/runs/{run_id}/approve", RouteAccess.Member, AgentEndpoints.Approve),
    ];
}
