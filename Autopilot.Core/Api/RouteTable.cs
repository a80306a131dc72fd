using Autopilot.Core.Agent;
using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Connectors;
using Autopilot.Core.Feedback;
using Autopilot.Core.Health;
using Autopilot.Core.Llm;
using Autopilot.Core.Memos;
using Autopilot.Core.Pages;
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
        new(RouteNames.StartMemo, "POST", "api/v1/workflows/memo", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartMemo),
        new(RouteNames.MemoWeekOverWeek, "GET", "api/v1/memos/{artifact_id}/wow", RouteAccess.AnyRole, TenantSource.QueryOrgId, MemoEndpoints.WeekOverWeek),
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
        new(RouteNames.ChatRun, "POST", "api/v1/chat/run", RouteAccess.Member, TenantSource.BodyOrgId, Chat.ChatEndpoints.Run) { Bind = Chat.ChatEndpoints.BindRun },
        new(RouteNames.RaiseAlert, "POST", "api/v1/alerts", RouteAccess.Member, TenantSource.BodyOrgId, AlertEndpoints.Raise) { Bind = AlertEndpoints.BindRaise },
        new(RouteNames.ListAlerts, "GET", "api/v1/alerts", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.List),
        new(RouteNames.AcknowledgeAlert, "POST", "api/v1/alerts/{alert_id}/ack", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Acknowledge) { Bind = AlertEndpoints.BindAcknowledge },
        new(RouteNames.SnoozeAlert, "POST", "api/v1/alerts/{alert_id}/snooze", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Snooze) { Bind = AlertEndpoints.BindSnooze },
        new(RouteNames.ResolveAlert, "POST", "api/v1/alerts/{alert_id}/resolve", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Resolve),
        new(RouteNames.EscalateAlerts, "POST", "api/v1/alerts/escalate", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Escalate),
        new(RouteNames.ProcessAlertReminders, "POST", "api/v1/alerts/reminders/process", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.ProcessReminders),
        new(RouteNames.AlertPolicy, "GET", "api/v1/alerts/policy", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Policy),
        new(RouteNames.SetAlertPolicy, "POST", "api/v1/alerts/policy", RouteAccess.Admin, TenantSource.BodyOrgId, AlertEndpoints.SetPolicy) { Bind = AlertEndpoints.BindPolicy },
        new(RouteNames.AlertRouting, "GET", "api/v1/alerts/routing", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Routing),
        new(RouteNames.SetAlertRouting, "POST", "api/v1/alerts/routing", RouteAccess.Admin, TenantSource.BodyOrgId, NotificationEndpoints.SetRouting) { Bind = NotificationEndpoints.BindRouting },
        new(RouteNames.ListAlertNotifications, "GET", "api/v1/alerts/notifications", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.List),
        new(RouteNames.RetryAlertNotifications, "POST", "api/v1/alerts/notifications/retry", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Retry),
        new(RouteNames.AlertNotificationMetrics, "GET", "api/v1/alerts/notifications/metrics", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Metrics),
        new(RouteNames.CreateFeedback, "POST", "api/v1/feedback", RouteAccess.AnyRole, TenantSource.BodyTenantId, FeedbackEndpoints.Create) { Bind = FeedbackEndpoints.BindCreate },
        new(RouteNames.FeedbackSummary, "GET", "api/v1/feedback/summary", RouteAccess.AnyRole, TenantSource.QueryOrgId, FeedbackEndpoints.Summary),
        new(RouteNames.FeedbackProviderSummary, "GET", "api/v1/feedback/provider-summary", RouteAccess.Member, TenantSource.QueryOrgId, FeedbackEndpoints.ProviderSummary),
        new(RouteNames.FeedbackReview, "GET", "api/v1/feedback/review", RouteAccess.Admin, TenantSource.QueryOrgId, FeedbackEndpoints.Review),
        new(RouteNames.ResolveFeedback, "POST", "api/v1/feedback/{feedback_id}/resolve", RouteAccess.Admin, TenantSource.Caller, FeedbackEndpoints.Resolve) { Bind = FeedbackEndpoints.BindResolve },
        new(RouteNames.ApproveAgentRun, "POST", "api/v1/agent/runs/{run_id}/approve", RouteAccess.Member, TenantSource.QueryOrgId, AgentEndpoints.Approve),
        new(RouteNames.ListArtifacts, "GET", "api/v1/artifacts", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.List) { Bind = ArtifactEndpoints.BindList },
        new(RouteNames.GetArtifact, "GET", "api/v1/artifacts/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Get),
        new(RouteNames.ArtifactVersions, "GET", "api/v1/artifacts/{artifact_id}/versions", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Versions),
        new(RouteNames.ArtifactLineage, "GET", "api/v1/artifacts/{artifact_id}/lineage", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Lineage),
        new(RouteNames.ArtifactDiff, "GET", "api/v1/artifacts/{artifact_id}/diff", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Diff) { Bind = ArtifactEndpoints.BindDiff },
        new(RouteNames.DashboardPage, "GET", "dashboards/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, PageEndpoints.Dashboard) { RenderError = HtmlPage.Error },
        new(RouteNames.MemoPage, "GET", "memos/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, PageEndpoints.Memo) { RenderError = HtmlPage.Error },
        new(RouteNames.SetupTesterOrg, "POST", "api/v1/admin/setup-tester-org", RouteAccess.Admin, TenantSource.BodyOrgIdOrCaller, Tenants.TesterOrgEndpoints.Setup),
        new(RouteNames.PurgePreview, "GET", "api/v1/tenants/purge/preview", RouteAccess.Admin, TenantSource.QueryOrgId, Tenants.Purge.TenantPurgeEndpoints.Preview),
        new(RouteNames.PurgeTenant, "POST", "api/v1/tenants/purge", RouteAccess.Admin, TenantSource.BodyOrgId, Tenants.Purge.TenantPurgeEndpoints.Purge),
        new(RouteNames.PageAsset, "GET", "assets/{name}", RouteAccess.Public, TenantSource.None, PageAssets.Serve),
        new(RouteNames.LlmStatus, "GET", "api/v1/llm/status", RouteAccess.Public, TenantSource.None, LlmEndpoints.Status),
        new(RouteNames.LlmUsage, "GET", "api/v1/llm/usage", RouteAccess.Member, TenantSource.QueryOrgId, LlmEndpoints.Usage),
        new(RouteNames.LlmBudget, "GET", "api/v1/llm/budget", RouteAccess.Member, TenantSource.QueryOrgId, LlmEndpoints.Budget),
        new(RouteNames.SetLlmBudget, "POST", "api/v1/llm/budget", RouteAccess.Admin, TenantSource.QueryOrgId, LlmEndpoints.SetBudget) { Bind = LlmEndpoints.BindBudget },
        new(RouteNames.LlmEvalRuns, "GET", "api/v1/llm/eval-runs", RouteAccess.Member, TenantSource.QueryOrgId, Llm.Evaluation.LlmEvalEndpoints.List),
        new(RouteNames.EvaluateMemo, "POST", "api/v1/llm/evaluate-memo", RouteAccess.Admin, TenantSource.BodyOrgIdOrCaller, Llm.Evaluation.LlmEvalEndpoints.EvaluateMemo) { Bind = Llm.Evaluation.LlmEvalEndpoints.BindEvaluateMemo },
    ];
}
