using Autopilot.Core.Agent;
using Autopilot.Core.Connectors;
using Autopilot.Core.Health;
using Autopilot.Core.Memos;
using Autopilot.Core.Pii;
using Autopilot.Core.Queries;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Api;

/// <summary>
/// The one list of HTTP routes. The server maps exactly these; the Functions app declares one function per
/// route, and a test asserts both agree (method + template). Each route declares who may call it and where its tenant
/// comes from; the dispatcher enforces both (and refuses to start on a route that declares no tenant source).
/// </summary>
public static class RouteTable
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new(RouteNames.Health, "GET", "health", RouteAccess.Public, TenantSource.None, HealthEndpoints.Health),
        new(RouteNames.Ready, "GET", "ready", RouteAccess.Public, TenantSource.None, HealthEndpoints.Ready),
        new(RouteNames.ConnectBigQuery, "POST", "api/v1/connectors/bigquery", RouteAccess.Admin, TenantSource.BodyOrgId, ConnectorEndpoints.Connect) { Bind = ConnectorEndpoints.BindConnect },
        new(RouteNames.DisconnectConnector, "POST", "api/v1/connectors/{connection_id}/disconnect", RouteAccess.Admin, TenantSource.QueryOrgId, ConnectorEndpoints.Disconnect),
        new(RouteNames.ReencryptCredentials, "POST", "api/v1/connectors/reencrypt", RouteAccess.Admin, TenantSource.QueryOrgId, CredentialRotationEndpoints.Reencrypt),
        new(RouteNames.StartProfile, "POST", "api/v1/workflows/profile", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartProfile),
        new(RouteNames.StartDashboard, "POST", "api/v1/workflows/dashboard", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartDashboard),
        new(RouteNames.ListWorkflowRuns, "GET", "api/v1/workflows/runs", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.ListRuns),
        new(RouteNames.WorkflowStatus, "GET", "api/v1/workflows/{workflow_id}/status", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Status),
        new(RouteNames.StartFaultTest, "POST", "api/v1/workflows/fault-test", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartFaultTest) { Bind = WorkflowEndpoints.BindFaultTest },
        new(RouteNames.ProcessQueue, "POST", "api/v1/workflows/process-queue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.ProcessQueue),
        new(RouteNames.WorkflowQueue, "GET", "api/v1/workflows/queue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Queue),
        new(RouteNames.DeadLetters, "GET", "api/v1/workflows/dead-letters", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.DeadLetters),
        new(RouteNames.RequeueDeadLetter, "POST", "api/v1/workflows/dead-letters/{dead_letter_id}/requeue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.RequeueDeadLetter),
        new(RouteNames.RetryWorkflow, "POST", "api/v1/workflows/retry", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Retry) { Bind = WorkflowEndpoints.BindRetry },
        new(RouteNames.CancelWorkflow, "POST", "api/v1/workflows/{workflow_id}/cancel", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Cancel),
        new(RouteNames.CancelAllWorkflows, "POST", "api/v1/workflows/cancel-all", RouteAccess.Admin, TenantSource.QueryOrgId, WorkflowEndpoints.CancelAll),
        new(RouteNames.WorkflowLimits, "GET", "api/v1/workflows/limits", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Limits),
        new(RouteNames.SetWorkflowLimits, "POST", "api/v1/workflows/limits", RouteAccess.Admin, TenantSource.QueryOrgId, WorkflowEndpoints.SetLimits) { Bind = WorkflowEndpoints.BindLimits },
        new(RouteNames.MemoSchedule, "GET", "api/v1/memos/schedule", RouteAccess.Member, TenantSource.QueryOrgId, MemoScheduleEndpoints.Get),
        new(RouteNames.SetMemoSchedule, "POST", "api/v1/memos/schedule", RouteAccess.Admin, TenantSource.QueryOrgId, MemoScheduleEndpoints.Set) { Bind = MemoScheduleEndpoints.BindSchedule },
        new(RouteNames.PiiReview, "GET", "api/v1/pii/review", RouteAccess.Member, TenantSource.QueryOrgId, PiiReviewEndpoints.Review),
        new(RouteNames.ConfirmPiiReview, "POST", "api/v1/pii/review/confirm", RouteAccess.Member, TenantSource.QueryOrgId, PiiReviewEndpoints.Confirm) { Bind = PiiReviewEndpoints.BindDecisions },
        new(RouteNames.PreviewQuery, "POST", "api/v1/queries/preview", RouteAccess.Member, TenantSource.BodyOrgIdOrEmpty, QueryEndpoints.Preview),
        new(RouteNames.ApproveRunQuery, "POST", "api/v1/queries/approve-run", RouteAccess.Member, TenantSource.BodyOrgIdOrEmpty, QueryEndpoints.ApproveRun),
        new(RouteNames.QueryLimits, "GET", "api/v1/queries/limits", RouteAccess.Member, TenantSource.QueryOrgId, QueryLimitsEndpoints.Get),
        new(RouteNames.SetQueryLimits, "POST", "api/v1/queries/limits", RouteAccess.Admin, TenantSource.QueryOrgId, QueryLimitsEndpoints.Set) { Bind = QueryLimitsEndpoints.BindLimits },
        new(RouteNames.AgentRun, "POST", "api/v1/agent/run", RouteAccess.Member, TenantSource.BodyOrgId, AgentEndpoints.Run) { Bind = AgentEndpoints.BindRun },
        new(RouteNames.AgentRunStatus, "GET", "api/v1/agent/runs/{run_id}", RouteAccess.Member, TenantSource.QueryOrgId, AgentEndpoints.Status),
        new(RouteNames.ApproveAgentRun, "POST", "api/v1/agent/runs/{run_id}/approve", RouteAccess.Member, TenantSource.QueryOrgId, AgentEndpoints.Approve),
    ];
}
