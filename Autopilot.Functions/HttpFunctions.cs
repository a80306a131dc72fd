using Autopilot.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Autopilot.Functions;

/// <summary>
/// One function per route of <see cref="RouteTable.All"/> (same name, method and template; a test checks it).
/// Each is one line: the request goes to Core's <see cref="ApiDispatcher"/>, which the self-hosted server calls too.
/// <see cref="ApiResult"/> is an <c>IActionResult</c>, which the ASP.NET Core integration executes.
/// </summary>
public sealed class HttpFunctions(ApiDispatcher api)
{
    [Function(RouteNames.Health)]
    public Task<ApiResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.Health, req, client);

    [Function(RouteNames.Ready)]
    public Task<ApiResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ready")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.Ready, req, client);

    [Function(RouteNames.SetupTesterOrg)]
    public Task<ApiResult> SetupTesterOrg([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/setup-tester-org")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetupTesterOrg, req, client);

    [Function(RouteNames.PurgePreview)]
    public Task<ApiResult> PurgePreview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/tenants/purge/preview")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.PurgePreview, req, client);

    [Function(RouteNames.PurgeTenant)]
    public Task<ApiResult> PurgeTenant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/tenants/purge")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.PurgeTenant, req, client);

    [Function(RouteNames.ConnectBigQuery)]
    public Task<ApiResult> ConnectBigQuery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/connectors/bigquery")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ConnectBigQuery, req, client);

    [Function(RouteNames.DisconnectConnector)]
    public Task<ApiResult> DisconnectConnector([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/connectors/{connection_id}/disconnect")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.DisconnectConnector, req, client);

    [Function(RouteNames.ReencryptCredentials)]
    public Task<ApiResult> ReencryptCredentials([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/connectors/reencrypt")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ReencryptCredentials, req, client);

    [Function(RouteNames.StartProfile)]
    public Task<ApiResult> StartProfile([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/profile")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.StartProfile, req, client);

    [Function(RouteNames.StartDashboard)]
    public Task<ApiResult> StartDashboard([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/dashboard")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.StartDashboard, req, client);

    [Function(RouteNames.StartMemo)]
    public Task<ApiResult> StartMemo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/memo")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.StartMemo, req, client);

    [Function(RouteNames.MemoWeekOverWeek)]
    public Task<ApiResult> MemoWeekOverWeek([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/memos/{artifact_id}/wow")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.MemoWeekOverWeek, req, client);

    [Function(RouteNames.ListWorkflowRuns)]
    public Task<ApiResult> ListWorkflowRuns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/workflows/runs")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ListWorkflowRuns, req, client);

    [Function(RouteNames.WorkflowStatus)]
    public Task<ApiResult> WorkflowStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/workflows/{workflow_id}/status")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.WorkflowStatus, req, client);

    [Function(RouteNames.StartFaultTest)]
    public Task<ApiResult> StartFaultTest([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/fault-test")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.StartFaultTest, req, client);

    [Function(RouteNames.ProcessQueue)]
    public Task<ApiResult> ProcessQueue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/process-queue")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ProcessQueue, req, client);

    [Function(RouteNames.WorkflowQueue)]
    public Task<ApiResult> WorkflowQueue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/workflows/queue")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.WorkflowQueue, req, client);

    [Function(RouteNames.DeadLetters)]
    public Task<ApiResult> DeadLetters([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/workflows/dead-letters")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.DeadLetters, req, client);

    [Function(RouteNames.RequeueDeadLetter)]
    public Task<ApiResult> RequeueDeadLetter([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/dead-letters/{dead_letter_id}/requeue")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.RequeueDeadLetter, req, client);

    [Function(RouteNames.RetryWorkflow)]
    public Task<ApiResult> RetryWorkflow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/retry")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.RetryWorkflow, req, client);

    [Function(RouteNames.CancelWorkflow)]
    public Task<ApiResult> CancelWorkflow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/{workflow_id}/cancel")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.CancelWorkflow, req, client);

    [Function(RouteNames.CancelAllWorkflows)]
    public Task<ApiResult> CancelAllWorkflows([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/cancel-all")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.CancelAllWorkflows, req, client);

    [Function(RouteNames.WorkflowLimits)]
    public Task<ApiResult> WorkflowLimits([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/workflows/limits")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.WorkflowLimits, req, client);

    [Function(RouteNames.SetWorkflowLimits)]
    public Task<ApiResult> SetWorkflowLimits([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/workflows/limits")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetWorkflowLimits, req, client);

    [Function(RouteNames.PiiReview)]
    public Task<ApiResult> PiiReview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/pii/review")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.PiiReview, req, client);

    [Function(RouteNames.ConfirmPiiReview)]
    public Task<ApiResult> ConfirmPiiReview([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/pii/review/confirm")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ConfirmPiiReview, req, client);

    [Function(RouteNames.PreviewQuery)]
    public Task<ApiResult> PreviewQuery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/queries/preview")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.PreviewQuery, req, client);

    [Function(RouteNames.ApproveRunQuery)]
    public Task<ApiResult> ApproveRunQuery([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/queries/approve-run")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ApproveRunQuery, req, client);

    [Function(RouteNames.AgentRun)]
    public Task<ApiResult> AgentRun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/run")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AgentRun, req, client);

    [Function(RouteNames.ChatRun)]
    public Task<ApiResult> ChatRun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/chat/run")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ChatRun, req, client);

    [Function(RouteNames.AgentRunStatus)]
    public Task<ApiResult> AgentRunStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/agent/runs/{run_id}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AgentRunStatus, req, client);

    [Function(RouteNames.ApproveAgentRun)]
    public Task<ApiResult> ApproveAgentRun([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/agent/runs/{run_id}/approve")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ApproveAgentRun, req, client);

    [Function(RouteNames.MemoSchedule)]
    public Task<ApiResult> MemoSchedule([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/memos/schedule")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.MemoSchedule, req, client);

    [Function(RouteNames.SetMemoSchedule)]
    public Task<ApiResult> SetMemoSchedule([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/memos/schedule")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetMemoSchedule, req, client);

    [Function(RouteNames.QueryLimits)]
    public Task<ApiResult> QueryLimits([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/queries/limits")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.QueryLimits, req, client);

    [Function(RouteNames.SetQueryLimits)]
    public Task<ApiResult> SetQueryLimits([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/queries/limits")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetQueryLimits, req, client);

    [Function(RouteNames.CreateFeedback)]
    public Task<ApiResult> CreateFeedback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/feedback")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.CreateFeedback, req, client);

    [Function(RouteNames.FeedbackSummary)]
    public Task<ApiResult> FeedbackSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/feedback/summary")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.FeedbackSummary, req, client);

    [Function(RouteNames.FeedbackProviderSummary)]
    public Task<ApiResult> FeedbackProviderSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/feedback/provider-summary")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.FeedbackProviderSummary, req, client);

    [Function(RouteNames.FeedbackReview)]
    public Task<ApiResult> FeedbackReview([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/feedback/review")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.FeedbackReview, req, client);

    [Function(RouteNames.ResolveFeedback)]
    public Task<ApiResult> ResolveFeedback([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/feedback/{feedback_id}/resolve")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ResolveFeedback, req, client);

    [Function(RouteNames.RaiseAlert)]
    public Task<ApiResult> RaiseAlert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.RaiseAlert, req, client);

    [Function(RouteNames.ListAlerts)]
    public Task<ApiResult> ListAlerts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alerts")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ListAlerts, req, client);

    [Function(RouteNames.AcknowledgeAlert)]
    public Task<ApiResult> AcknowledgeAlert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/{alert_id}/ack")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AcknowledgeAlert, req, client);

    [Function(RouteNames.SnoozeAlert)]
    public Task<ApiResult> SnoozeAlert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/{alert_id}/snooze")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SnoozeAlert, req, client);

    [Function(RouteNames.ResolveAlert)]
    public Task<ApiResult> ResolveAlert([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/{alert_id}/resolve")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ResolveAlert, req, client);

    [Function(RouteNames.EscalateAlerts)]
    public Task<ApiResult> EscalateAlerts([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/escalate")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.EscalateAlerts, req, client);

    [Function(RouteNames.ProcessAlertReminders)]
    public Task<ApiResult> ProcessAlertReminders([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/reminders/process")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ProcessAlertReminders, req, client);

    [Function(RouteNames.AlertPolicy)]
    public Task<ApiResult> AlertPolicy([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alerts/policy")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AlertPolicy, req, client);

    [Function(RouteNames.SetAlertPolicy)]
    public Task<ApiResult> SetAlertPolicy([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/policy")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetAlertPolicy, req, client);

    [Function(RouteNames.AlertRouting)]
    public Task<ApiResult> AlertRouting([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alerts/routing")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AlertRouting, req, client);

    [Function(RouteNames.SetAlertRouting)]
    public Task<ApiResult> SetAlertRouting([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/routing")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetAlertRouting, req, client);

    [Function(RouteNames.ListAlertNotifications)]
    public Task<ApiResult> ListAlertNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alerts/notifications")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ListAlertNotifications, req, client);

    [Function(RouteNames.RetryAlertNotifications)]
    public Task<ApiResult> RetryAlertNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/alerts/notifications/retry")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.RetryAlertNotifications, req, client);

    [Function(RouteNames.AlertNotificationMetrics)]
    public Task<ApiResult> AlertNotificationMetrics([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/alerts/notifications/metrics")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.AlertNotificationMetrics, req, client);
    [Function(RouteNames.ListArtifacts)]
    public Task<ApiResult> ListArtifacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/artifacts")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ListArtifacts, req, client);

    [Function(RouteNames.GetArtifact)]
    public Task<ApiResult> GetArtifact([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/artifacts/{artifact_id}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.GetArtifact, req, client);

    [Function(RouteNames.ArtifactVersions)]
    public Task<ApiResult> ArtifactVersions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/artifacts/{artifact_id}/versions")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ArtifactVersions, req, client);

    [Function(RouteNames.ArtifactLineage)]
    public Task<ApiResult> ArtifactLineage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/artifacts/{artifact_id}/lineage")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ArtifactLineage, req, client);

    [Function(RouteNames.ArtifactDiff)]
    public Task<ApiResult> ArtifactDiff([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/artifacts/{artifact_id}/diff")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ArtifactDiff, req, client);

    [Function(RouteNames.DashboardPage)]
    public Task<ApiResult> DashboardPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboards/{artifact_id}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.DashboardPage, req, client);

    [Function(RouteNames.PageAsset)]
    public Task<ApiResult> PageAsset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{name}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.PageAsset, req, client);

    [Function(RouteNames.MemoPage)]
    public Task<ApiResult> MemoPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "memos/{artifact_id}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.MemoPage, req, client);

    [Function(RouteNames.LlmStatus)]
    public Task<ApiResult> LlmStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/llm/status")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.LlmStatus, req, client);

    [Function(RouteNames.LlmUsage)]
    public Task<ApiResult> LlmUsage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/llm/usage")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.LlmUsage, req, client);

    [Function(RouteNames.LlmBudget)]
    public Task<ApiResult> LlmBudget([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/llm/budget")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.LlmBudget, req, client);

    [Function(RouteNames.LlmEvalRuns)]
    public Task<ApiResult> LlmEvalRuns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/llm/eval-runs")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.LlmEvalRuns, req, client);

    [Function(RouteNames.EvaluateMemo)]
    public Task<ApiResult> EvaluateMemo([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/llm/evaluate-memo")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.EvaluateMemo, req, client);

    [Function(RouteNames.SetLlmBudget)]
    public Task<ApiResult> SetLlmBudget([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/llm/budget")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SetLlmBudget, req, client);

    [Function(RouteNames.ListIntegrationBindings)]
    public Task<ApiResult> ListIntegrationBindings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/integrations/bindings")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ListIntegrationBindings, req, client);

    [Function(RouteNames.UpsertIntegrationBinding)]
    public Task<ApiResult> UpsertIntegrationBinding([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/integrations/bindings")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.UpsertIntegrationBinding, req, client);

    [Function(RouteNames.DeleteIntegrationBinding)]
    public Task<ApiResult> DeleteIntegrationBinding([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/integrations/bindings/{binding_id}")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.DeleteIntegrationBinding, req, client);

    [Function(RouteNames.SlackCommand)]
    public Task<ApiResult> SlackCommand([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "integrations/slack/command")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SlackCommand, req, client);

    [Function(RouteNames.SlackEvents)]
    public Task<ApiResult> SlackEvents([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "integrations/slack/events")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.SlackEvents, req, client);

    [Function(RouteNames.TelegramWebhook)]
    public Task<ApiResult> TelegramWebhook([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "integrations/telegram/webhook")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.TelegramWebhook, req, client);
    [Function(RouteNames.OpenApiDocument)]
    public Task<ApiResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.OpenApiDocument, req, client);

    [Function(RouteNames.ApiDocsPage)]
    public Task<ApiResult> ApiDocsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ApiDocsPage, req, client);

    [Function(RouteNames.ConsoleApp)]
    public Task<ApiResult> ConsoleApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ConsoleApp, req, client);

    [Function(RouteNames.ChatPage)]
    public Task<ApiResult> ChatPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "chat")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.ChatPage, req, client);

    [Function(RouteNames.TesterPage)]
    public Task<ApiResult> TesterPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tester")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.TesterPage, req, client);

    [Function(RouteNames.TesterAppPage)]
    public Task<ApiResult> TesterAppPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tester-app")] HttpRequest req, [DurableClient] DurableTaskClient client) => api.DispatchAsync(RouteNames.TesterAppPage, req, client);
}
