using Autopilot.Core.Agent;
using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Artifacts;
using Autopilot.Core.Channels.Bindings;
using Autopilot.Core.Channels.Webhooks;
using Autopilot.Core.Connectors;
using Autopilot.Core.Feedback;
using Autopilot.Core.Health;
using Autopilot.Core.Llm;
using Autopilot.Core.Memos;
using Autopilot.Core.Pages;
using Autopilot.Core.Pii;
using Autopilot.Core.Queries;
using Autopilot.Core.Workflows;
using Autopilot.Core.Agent.Contract;
using Autopilot.Core.Alerts.Contract;
using Autopilot.Core.Alerts.Notifications.Contract;
using Autopilot.Core.Artifacts.Contract;
using Autopilot.Core.Connectors.Contract;
using Autopilot.Core.Connectors.Disconnect;
using Autopilot.Core.Feedback.Contract;
using Autopilot.Core.Health.Contract;
using Autopilot.Core.Llm.Contract;
using Autopilot.Core.Memos.Contract;
using Autopilot.Core.Pii.Contract;
using Autopilot.Core.Queries.Contract;
using Autopilot.Core.Tenants.Contract;
using Autopilot.Core.Tenants.Purge.Contract;
using Autopilot.Core.Workflows.Contract;

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
        new(RouteNames.Health, "GET", "health", RouteAccess.Public, TenantSource.None, HealthEndpoints.Health) { Doc = new("Liveness: touches no dependency.", typeof(HealthStatus)) },
        new(RouteNames.Ready, "GET", "ready", RouteAccess.Public, TenantSource.None, HealthEndpoints.Ready) { Doc = new("Readiness: every dependency with its mode; ok only when all are.", typeof(ReadinessReport)) },
        new(RouteNames.ConnectBigQuery, "POST", "api/v1/connectors/bigquery", RouteAccess.Admin, TenantSource.BodyOrgId, ConnectorEndpoints.Connect) { Bind = ConnectorEndpoints.BindConnect, Doc = new("Connect a BigQuery warehouse with a service-account key.", typeof(ConnectionView)) { Request = typeof(ConnectRequest), Errors = [400] } },
        new(RouteNames.DisconnectConnector, "POST", "api/v1/connectors/{connection_id}/disconnect", RouteAccess.Admin, TenantSource.QueryOrgId, ConnectorEndpoints.Disconnect) { Doc = new("Disconnect the tenant's connection: cancels its work and deletes its credentials.", typeof(DisconnectResult)) { Accepted = true, Query = ["wait_seconds"] } },
        new(RouteNames.ReencryptCredentials, "POST", "api/v1/connectors/reencrypt", RouteAccess.Admin, TenantSource.QueryOrgId, CredentialRotationEndpoints.Reencrypt) { Doc = new("Re-encrypt stored credentials under the current key.", typeof(CredentialRotationView)) { Accepted = true, Query = ["wait_seconds"] } },
        new(RouteNames.StartProfile, "POST", "api/v1/workflows/profile", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartProfile) { Doc = new("Start a warehouse profile.", typeof(WorkflowAnswer)) { Accepted = true, Query = ["wait_seconds"], Errors = [400] } },
        new(RouteNames.StartDashboard, "POST", "api/v1/workflows/dashboard", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartDashboard) { Doc = new("Start a dashboard build.", typeof(WorkflowAnswer)) { Accepted = true, Query = ["wait_seconds", "template"], Errors = [400] } },
        new(RouteNames.StartMemo, "POST", "api/v1/workflows/memo", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartMemo) { Doc = new("Start a weekly memo.", typeof(WorkflowAnswer)) { Accepted = true, Query = ["wait_seconds"], Errors = [400] } },
        new(RouteNames.MemoWeekOverWeek, "GET", "api/v1/memos/{artifact_id}/wow", RouteAccess.AnyRole, TenantSource.QueryOrgId, MemoEndpoints.WeekOverWeek) { Doc = new("Week-over-week comparison of a memo's two latest versions.", typeof(MemoWeekOverWeekView)) },
        new(RouteNames.ListWorkflowRuns, "GET", "api/v1/workflows/runs", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.ListRuns) { Doc = new("The tenant's workflow runs, newest first.", typeof(WorkflowRunsPage)) { Query = ["status", "workflow_type", "limit", "cursor"] } },
        new(RouteNames.WorkflowStatus, "GET", "api/v1/workflows/{workflow_id}/status", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Status) { Doc = new("A run's record, live progress (custom status), steps and result.", typeof(WorkflowStatusView)) },
        new(RouteNames.StartFaultTest, "POST", "api/v1/workflows/fault-test", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.StartFaultTest) { Bind = WorkflowEndpoints.BindFaultTest, Doc = new("Start the fault-injection workflow (test deployments only).", typeof(WorkflowAnswer)) { Request = typeof(FaultTestRequest), Accepted = true, Query = ["wait_seconds"], Errors = [400, 404] } },
        new(RouteNames.ProcessQueue, "POST", "api/v1/workflows/process-queue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.ProcessQueue) { Doc = new("Admit queued work that fits now.", typeof(QueuePass)) },
        new(RouteNames.WorkflowQueue, "GET", "api/v1/workflows/queue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Queue) { Doc = new("Queued work with positions, oldest first.", typeof(QueuePage)) { Query = ["limit", "cursor"] } },
        new(RouteNames.DeadLetters, "GET", "api/v1/workflows/dead-letters", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.DeadLetters) { Doc = new("Dead-lettered workflows with their error history.", typeof(DeadLetterPage)) { Query = ["from", "to", "limit", "cursor"] } },
        new(RouteNames.RequeueDeadLetter, "POST", "api/v1/workflows/dead-letters/{dead_letter_id}/requeue", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.RequeueDeadLetter) { Doc = new("Re-queue a dead-lettered workflow for a fresh cycle of attempts.", typeof(WorkflowAnswer)) { Accepted = true, Query = ["wait_seconds"], Errors = [400, 409] } },
        new(RouteNames.RetryWorkflow, "POST", "api/v1/workflows/retry", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Retry) { Bind = WorkflowEndpoints.BindRetry, Doc = new("Retry a failed workflow (retry, retry_with_sampling, skip_and_continue).", typeof(WorkflowAnswer)) { Accepted = true, Query = ["workflow_type", "workflow_id", "action", "wait_seconds"], Errors = [400] } },
        new(RouteNames.CancelWorkflow, "POST", "api/v1/workflows/{workflow_id}/cancel", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Cancel) { Doc = new("Cancel a run.", typeof(WorkflowCancelled)) },
        new(RouteNames.CancelAllWorkflows, "POST", "api/v1/workflows/cancel-all", RouteAccess.Admin, TenantSource.QueryOrgId, WorkflowEndpoints.CancelAll) { Doc = new("Cancel all of the tenant's running and queued work.", typeof(WorkflowsCancelled)) },
        new(RouteNames.WorkflowLimits, "GET", "api/v1/workflows/limits", RouteAccess.Member, TenantSource.QueryOrgId, WorkflowEndpoints.Limits) { Doc = new("The tenant's admission limits.", typeof(WorkflowLimitsView)) },
        new(RouteNames.SetWorkflowLimits, "POST", "api/v1/workflows/limits", RouteAccess.Admin, TenantSource.QueryOrgId, WorkflowEndpoints.SetLimits) { Bind = WorkflowEndpoints.BindLimits, Doc = new("Set the tenant's admission limits.", typeof(WorkflowLimitsView)) { Request = typeof(LimitsRequest), Errors = [400] } },
        new(RouteNames.MemoSchedule, "GET", "api/v1/memos/schedule", RouteAccess.Member, TenantSource.QueryOrgId, MemoScheduleEndpoints.Get) { Doc = new("The tenant's weekly memo schedule.", typeof(MemoScheduleView)) },
        new(RouteNames.SetMemoSchedule, "POST", "api/v1/memos/schedule", RouteAccess.Admin, TenantSource.QueryOrgId, MemoScheduleEndpoints.Set) { Bind = MemoScheduleEndpoints.BindSchedule, Doc = new("Set the tenant's weekly memo schedule.", typeof(MemoScheduleView)) { Request = typeof(MemoScheduleRequest) } },
        new(RouteNames.PiiReview, "GET", "api/v1/pii/review", RouteAccess.Member, TenantSource.QueryOrgId, PiiReviewEndpoints.Review) { Doc = new("PII classification to review.", typeof(PiiReviewView)) },
        new(RouteNames.ConfirmPiiReview, "POST", "api/v1/pii/review/confirm", RouteAccess.Member, TenantSource.QueryOrgId, PiiReviewEndpoints.Confirm) { Bind = PiiReviewEndpoints.BindDecisions, Doc = new("Confirm or reject PII classifications.", typeof(PiiReviewConfirmed)) { Request = typeof(IReadOnlyList<PiiDecisionInput>) } },
        new(RouteNames.PreviewQuery, "POST", "api/v1/queries/preview", RouteAccess.Member, TenantSource.BodyOrgIdOrEmpty, QueryEndpoints.Preview) { Doc = new("Validate SQL and prepare a preview with its cost.", typeof(QueryPreviewView)) { Request = typeof(QueryPreviewInput), Errors = [400, 404] } },
        new(RouteNames.ApproveRunQuery, "POST", "api/v1/queries/approve-run", RouteAccess.Member, TenantSource.BodyOrgIdOrEmpty, QueryEndpoints.ApproveRun) { Doc = new("Approve and run a previewed query.", typeof(QueryRunView)) { Request = typeof(QueryApproveInput), Accepted = true, Errors = [400, 404] } },
        new(RouteNames.QueryLimits, "GET", "api/v1/queries/limits", RouteAccess.Member, TenantSource.QueryOrgId, QueryLimitsEndpoints.Get) { Doc = new("The tenant's SQL gate limits.", typeof(QueryLimitsView)) },
        new(RouteNames.SetQueryLimits, "POST", "api/v1/queries/limits", RouteAccess.Admin, TenantSource.QueryOrgId, QueryLimitsEndpoints.Set) { Bind = QueryLimitsEndpoints.BindLimits, Doc = new("Set the tenant's SQL gate limits.", typeof(QueryLimitsView)) { Request = typeof(TenantQueryLimits), Errors = [400] } },
        new(RouteNames.AgentRun, "POST", "api/v1/agent/run", RouteAccess.Member, TenantSource.BodyOrgId, AgentEndpoints.Run) { Bind = AgentEndpoints.BindRun, Doc = new("Ask a question: the agent plans, validates and runs safe SQL.", typeof(AgentRunAnswer)) { Request = typeof(AgentRunRequest), Accepted = true, Query = ["wait_seconds"], Errors = [400] } },
        new(RouteNames.AgentRunStatus, "GET", "api/v1/agent/runs/{run_id}", RouteAccess.Member, TenantSource.QueryOrgId, AgentEndpoints.Status) { Doc = new("An agent run's stage or final answer.", typeof(AgentRunAnswer)) },
        new(RouteNames.RaiseAlert, "POST", "api/v1/alerts", RouteAccess.Member, TenantSource.BodyOrgId, AlertEndpoints.Raise) { Bind = AlertEndpoints.BindRaise, Doc = new("Raise an alert (or update the live one with the same dedupe key).", typeof(AlertRaised)) { Request = typeof(AlertRequestBody), Errors = [400] } },
        new(RouteNames.ListAlerts, "GET", "api/v1/alerts", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.List) { Doc = new("The tenant's alerts, newest first.", typeof(AlertList)) { Query = ["status"] } },
        new(RouteNames.AcknowledgeAlert, "POST", "api/v1/alerts/{alert_id}/ack", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Acknowledge) { Bind = AlertEndpoints.BindAcknowledge, Doc = new("Acknowledge an alert.", typeof(AlertChanged)) { Request = typeof(AlertAckInput), Errors = [400, 409] } },
        new(RouteNames.SnoozeAlert, "POST", "api/v1/alerts/{alert_id}/snooze", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Snooze) { Bind = AlertEndpoints.BindSnooze, Doc = new("Snooze an alert's escalation.", typeof(AlertChanged)) { Request = typeof(AlertSnoozeInput), Errors = [400, 409] } },
        new(RouteNames.ResolveAlert, "POST", "api/v1/alerts/{alert_id}/resolve", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Resolve) { Doc = new("Resolve an alert.", typeof(AlertChanged)) },
        new(RouteNames.EscalateAlerts, "POST", "api/v1/alerts/escalate", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Escalate) { Doc = new("Escalate the tenant's due alerts now.", typeof(AlertsEscalated)) },
        new(RouteNames.ProcessAlertReminders, "POST", "api/v1/alerts/reminders/process", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.ProcessReminders) { Doc = new("Send the tenant's due acknowledgement reminders now.", typeof(RemindersSent)) },
        new(RouteNames.AlertPolicy, "GET", "api/v1/alerts/policy", RouteAccess.Member, TenantSource.QueryOrgId, AlertEndpoints.Policy) { Doc = new("Escalation minutes per severity.", typeof(AlertPolicyView)) },
        new(RouteNames.SetAlertPolicy, "POST", "api/v1/alerts/policy", RouteAccess.Admin, TenantSource.BodyOrgId, AlertEndpoints.SetPolicy) { Bind = AlertEndpoints.BindPolicy, Doc = new("Set escalation minutes per severity.", typeof(AlertPolicyView)) { Request = typeof(AlertPolicyInput), Errors = [400] } },
        new(RouteNames.AlertRouting, "GET", "api/v1/alerts/routing", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Routing) { Doc = new("Notification routing.", typeof(RoutingView)) },
        new(RouteNames.SetAlertRouting, "POST", "api/v1/alerts/routing", RouteAccess.Admin, TenantSource.BodyOrgId, NotificationEndpoints.SetRouting) { Bind = NotificationEndpoints.BindRouting, Doc = new("Replace the notification routing.", typeof(RoutingView)) { Request = typeof(RoutingInput), Errors = [400] } },
        new(RouteNames.ListAlertNotifications, "GET", "api/v1/alerts/notifications", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.List) { Doc = new("Notification attempts, newest first.", typeof(NotificationPage)) { Query = ["alert_id", "limit", "cursor"] } },
        new(RouteNames.RetryAlertNotifications, "POST", "api/v1/alerts/notifications/retry", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Retry) { Doc = new("Retry failed notifications that are due.", typeof(NotificationsRetried)) },
        new(RouteNames.AlertNotificationMetrics, "GET", "api/v1/alerts/notifications/metrics", RouteAccess.Member, TenantSource.QueryOrgId, NotificationEndpoints.Metrics) { Doc = new("Notification delivery counts.", typeof(NotificationMetrics)) },
        new(RouteNames.CreateFeedback, "POST", "api/v1/feedback", RouteAccess.AnyRole, TenantSource.BodyTenantId, FeedbackEndpoints.Create) { Bind = FeedbackEndpoints.BindCreate, Doc = new("Record feedback on an artifact or answer.", typeof(FeedbackCreated)) { Request = typeof(FeedbackRequest) } },
        new(RouteNames.FeedbackSummary, "GET", "api/v1/feedback/summary", RouteAccess.AnyRole, TenantSource.QueryOrgId, FeedbackEndpoints.Summary) { Doc = new("Feedback counts per artifact type.", typeof(FeedbackSummaryView)) },
        new(RouteNames.FeedbackProviderSummary, "GET", "api/v1/feedback/provider-summary", RouteAccess.Member, TenantSource.QueryOrgId, FeedbackEndpoints.ProviderSummary) { Doc = new("Satisfaction per model provider and task.", typeof(FeedbackProviderSummaryView)) },
        new(RouteNames.FeedbackReview, "GET", "api/v1/feedback/review", RouteAccess.Admin, TenantSource.QueryOrgId, FeedbackEndpoints.Review) { Doc = new("Feedback to triage.", typeof(FeedbackReviewView)) { Query = ["status", "provider"] } },
        new(RouteNames.ResolveFeedback, "POST", "api/v1/feedback/{feedback_id}/resolve", RouteAccess.Admin, TenantSource.Caller, FeedbackEndpoints.Resolve) { Bind = FeedbackEndpoints.BindResolve, Doc = new("Resolve a feedback record.", typeof(FeedbackResolved)) { Request = typeof(FeedbackResolveInput) } },
        new(RouteNames.ApproveAgentRun, "POST", "api/v1/agent/runs/{run_id}/approve", RouteAccess.Member, TenantSource.QueryOrgId, AgentEndpoints.Approve) { Doc = new("Approve an agent run waiting for approval.", typeof(AgentRunAnswer)) { Accepted = true, Errors = [409] } },
        new(RouteNames.ListArtifacts, "GET", "api/v1/artifacts", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.List) { Bind = ArtifactEndpoints.BindList, Doc = new("The tenant's artifacts (dashboards, memos...).", typeof(ArtifactList)) { Query = ["type", "stale"] } },
        new(RouteNames.GetArtifact, "GET", "api/v1/artifacts/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Get) { Doc = new("An artifact's latest version.", typeof(ArtifactView)) },
        new(RouteNames.ArtifactVersions, "GET", "api/v1/artifacts/{artifact_id}/versions", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Versions) { Doc = new("An artifact's versions.", typeof(ArtifactVersionsPage)) { Query = ["limit", "cursor"] } },
        new(RouteNames.ArtifactLineage, "GET", "api/v1/artifacts/{artifact_id}/lineage", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Lineage) { Doc = new("An artifact's lineage graph.", typeof(ArtifactLineageView)) },
        new(RouteNames.ArtifactDiff, "GET", "api/v1/artifacts/{artifact_id}/diff", RouteAccess.AnyRole, TenantSource.QueryOrgId, ArtifactEndpoints.Diff) { Bind = ArtifactEndpoints.BindDiff, Doc = new("Changes between two versions of an artifact.", typeof(ArtifactDiffView)) { Query = ["from_version", "to_version"] } },
        new(RouteNames.DashboardPage, "GET", "dashboards/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, PageEndpoints.Dashboard) { RenderError = HtmlPage.Error, Doc = new("A dashboard as an HTML page.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.MemoPage, "GET", "memos/{artifact_id}", RouteAccess.AnyRole, TenantSource.QueryOrgId, PageEndpoints.Memo) { RenderError = HtmlPage.Error, Doc = new("A memo as an HTML page.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.SetupTesterOrg, "POST", "api/v1/admin/setup-tester-org", RouteAccess.Admin, TenantSource.BodyOrgIdOrCaller, Tenants.TesterOrgEndpoints.Setup) { Doc = new("Onboard a tester org on the demo warehouse.", typeof(TesterOrgView)) { Request = typeof(TesterOrgInput), Accepted = true, Query = ["wait_seconds"] } },
        new(RouteNames.PurgePreview, "GET", "api/v1/tenants/purge/preview", RouteAccess.Admin, TenantSource.QueryOrgId, Tenants.Purge.TenantPurgeEndpoints.Preview) { Doc = new("What a tenant purge would delete.", typeof(PurgePreviewView)) },
        new(RouteNames.PurgeTenant, "POST", "api/v1/tenants/purge", RouteAccess.Admin, TenantSource.BodyOrgId, Tenants.Purge.TenantPurgeEndpoints.Purge) { Doc = new("Purge all of a tenant's data.", typeof(PurgeView)) { Request = typeof(PurgeInput), Accepted = true, Query = ["wait_seconds"], Errors = [400] } },
        new(RouteNames.PageAsset, "GET", "assets/{name}", RouteAccess.Public, TenantSource.None, PageAssets.Serve) { Doc = new("A static asset of the app's pages.", typeof(string)) { MediaType = "application/octet-stream", Errors = [404] } },
        new(RouteNames.LlmStatus, "GET", "api/v1/llm/status", RouteAccess.Public, TenantSource.None, LlmEndpoints.Status) { Doc = new("Whether a language model is configured, and which.", typeof(LlmStatusView)) },
        new(RouteNames.LlmUsage, "GET", "api/v1/llm/usage", RouteAccess.Member, TenantSource.QueryOrgId, LlmEndpoints.Usage) { Doc = new("The tenant's language-model usage.", typeof(LlmUsageView)) },
        new(RouteNames.LlmBudget, "GET", "api/v1/llm/budget", RouteAccess.Member, TenantSource.QueryOrgId, LlmEndpoints.Budget) { Doc = new("The tenant's monthly language-model budget.", typeof(LlmBudgetView)) },
        new(RouteNames.SetLlmBudget, "POST", "api/v1/llm/budget", RouteAccess.Admin, TenantSource.QueryOrgId, LlmEndpoints.SetBudget) { Bind = LlmEndpoints.BindBudget, Doc = new("Set the monthly language-model budget (and whether it stops calls).", typeof(LlmBudgetView)) { Request = typeof(LlmBudgetRequest) } },
        new(RouteNames.OpenApiDocument, "GET", "openapi.json", RouteAccess.Public, TenantSource.None, ApiDocs.ApiDocsEndpoints.Document) { Doc = new("This document: the API described from the route table.", typeof(System.Text.Json.Nodes.JsonObject)) },
        new(RouteNames.ApiDocsPage, "GET", "api/docs", RouteAccess.Public, TenantSource.None, ApiDocs.ApiDocsEndpoints.Browser) { Doc = new("A page that browses this document.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.ConsoleApp, "GET", "app", RouteAccess.Public, TenantSource.None, WebConsole.ConsoleEndpoints.App) { Doc = new("The web console: workflows with live progress, queue, dead letters, artifacts, alerts, PII review, queries.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.ChatPage, "GET", "chat", RouteAccess.Public, TenantSource.None, WebConsole.ConsoleEndpoints.Chat) { Doc = new("The console opened on its chat view.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.TesterPage, "GET", "tester", RouteAccess.Public, TenantSource.None, WebConsole.ConsoleEndpoints.Tester) { Doc = new("The console opened on its tester view.", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.TesterAppPage, "GET", "tester-app", RouteAccess.Public, TenantSource.None, WebConsole.ConsoleEndpoints.TesterApp) { Doc = new("The tester app (the console's tester view).", typeof(string)) { MediaType = "text/html" } },
        new(RouteNames.ChatRun, "POST", "api/v1/chat/run", RouteAccess.Member, TenantSource.BodyOrgId, Chat.ChatEndpoints.Run) { Bind = Chat.ChatEndpoints.BindRun, Doc = new("Chat: a message read as a question (the agent run) or a profile, dashboard or memo request.", typeof(Chat.Contract.ChatRunAnswer)) { Request = typeof(Chat.ChatRunRequest), Query = ["wait_seconds"] } },
        new(RouteNames.ListIntegrationBindings, "GET", "api/v1/integrations/bindings", RouteAccess.Admin, TenantSource.QueryOrgId, BindingEndpoints.List) { Doc = new("The tenant's Slack and Telegram bindings, oldest first.", typeof(Channels.Contract.BindingList)) },
        new(RouteNames.UpsertIntegrationBinding, "POST", "api/v1/integrations/bindings", RouteAccess.Admin, TenantSource.BodyOrgId, BindingEndpoints.Upsert) { Bind = BindingEndpoints.BindUpsert, Doc = new("Bind a Slack team/user or Telegram chat/user to the tenant (idempotent).", typeof(Channels.Contract.BindingSaved)) { Request = typeof(BindingRequest), Errors = [400, 409] } },
        new(RouteNames.DeleteIntegrationBinding, "DELETE", "api/v1/integrations/bindings/{binding_id}", RouteAccess.Admin, TenantSource.QueryOrgId, BindingEndpoints.Delete) { Bind = BindingEndpoints.BindDelete, Doc = new("Delete one of the tenant's bindings.", typeof(Channels.Contract.BindingDeleted)) { Errors = [404] } },
        new(RouteNames.SlackCommand, "POST", "integrations/slack/command", RouteAccess.Public, TenantSource.None, SlackEndpoints.Command) { RawBody = true, Doc = new("Slack slash command (signed by Slack; answers at once, posts the result when ready).", typeof(Channels.Contract.SlackCommandAnswer)) { Request = typeof(Channels.Contract.SlackCommandForm), Errors = [401, 403] } },
        new(RouteNames.SlackEvents, "POST", "integrations/slack/events", RouteAccess.Public, TenantSource.None, SlackEndpoints.Events) { RawBody = true, Doc = new("Slack Events API (signed by Slack): url_verification, app mentions and messages.", typeof(Channels.Contract.SlackEventsAnswer)) { Request = typeof(System.Text.Json.Nodes.JsonObject), Errors = [401] } },
        new(RouteNames.TelegramWebhook, "POST", "integrations/telegram/webhook", RouteAccess.Public, TenantSource.None, TelegramEndpoints.Webhook) { RawBody = true, Doc = new("Telegram bot webhook (secret token header); the answer is sent to the chat.", typeof(Channels.Contract.ChannelAck)) { Request = typeof(System.Text.Json.Nodes.JsonObject), Errors = [401] } },
        new(RouteNames.LlmEvalRuns, "GET", "api/v1/llm/eval-runs", RouteAccess.Member, TenantSource.QueryOrgId, Llm.Evaluation.LlmEvalEndpoints.List) { Doc = new("Stored model evaluations, newest first.", typeof(Llm.Evaluation.Contract.EvalRunList)) { Query = ["task_type", "limit"] } },
        new(RouteNames.EvaluateMemo, "POST", "api/v1/llm/evaluate-memo", RouteAccess.Admin, TenantSource.BodyOrgIdOrCaller, Llm.Evaluation.LlmEvalEndpoints.EvaluateMemo) { Bind = Llm.Evaluation.LlmEvalEndpoints.BindEvaluateMemo, Doc = new("Compare the configured models writing a memo, under blind labels.", typeof(Llm.Evaluation.Contract.MemoEvaluationAnswer)) { Request = typeof(Llm.Evaluation.Contract.MemoEvaluationBody) } },
    ];
}
