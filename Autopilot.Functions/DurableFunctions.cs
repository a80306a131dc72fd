using System.Text.Json.Nodes;
using Autopilot.Core.Admission;
using Autopilot.Core.Agent;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Chat;
using Autopilot.Core.Connectors;
using Autopilot.Core.Connectors.Disconnect;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Engine;
using Autopilot.Core.Memos;
using Autopilot.Core.Profiling;
using Autopilot.Core.Queries;
using Autopilot.Core.Tenants.Purge;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Functions;

/// <summary>
/// Registers Core's class-based orchestrators and activities with the Functions host: one adapter per type of
/// <see cref="WorkflowCatalog"/>, named <see cref="WorkflowCatalog.NameOf"/> (the class name), as the
/// <c>[DurableTask]</c> source generator would emit (it is not served here). A test checks the set is complete.
/// </summary>
public static class DurableFunctions
{
    // Orchestrators: stateless classes, run on the Functions orchestration context (replay-safe as on the server).
    [Function(nameof(ProfileWarehouseOrchestration))]
    public static Task<JsonObject> ProfileWarehouse([OrchestrationTrigger] TaskOrchestrationContext ctx) => new ProfileWarehouseOrchestration().RunAsync(ctx, ctx.GetInput<ProfileRunInput>()!);

    [Function(nameof(AgentRunOrchestration))]
    public static Task<JsonObject> AgentRun([OrchestrationTrigger] TaskOrchestrationContext ctx) => new AgentRunOrchestration().RunAsync(ctx, ctx.GetInput<AgentRunInput>()!);

    [Function(nameof(QueryRunOrchestration))]
    public static Task<QueryRunOutcome> QueryRun([OrchestrationTrigger] TaskOrchestrationContext ctx) => new QueryRunOrchestration().RunAsync(ctx, ctx.GetInput<QueryRunInput>()!);

    [Function(nameof(CredentialReencryptOrchestration))]
    public static Task<CredentialReencryptResult> CredentialReencrypt([OrchestrationTrigger] TaskOrchestrationContext ctx) => new CredentialReencryptOrchestration().RunAsync(ctx, ctx.GetInput<CredentialReencryptInput>()!);

    // Activities: built per call from the worker's services (constructor injection, as on the server).
    [Function(nameof(IntrospectWarehouseActivity))]
    public static Task<WarehouseSchema> IntrospectWarehouse([ActivityTrigger] StepInput input, string instanceId, FunctionContext fc) => Create<IntrospectWarehouseActivity>(fc).RunAsync(Context(nameof(IntrospectWarehouseActivity), instanceId), input);

    [Function(nameof(ProfileTableBatchActivity))]
    public static Task<IReadOnlyList<TableProfile>> ProfileTableBatch([ActivityTrigger] ProfileBatchInput input, string instanceId, FunctionContext fc) => Create<ProfileTableBatchActivity>(fc).RunAsync(Context(nameof(ProfileTableBatchActivity), instanceId), input);

    [Function(nameof(TagPiiActivity))]
    public static Task<IReadOnlyList<ColumnPiiTag>> TagPii([ActivityTrigger] TagPiiInput input, string instanceId, FunctionContext fc) => Create<TagPiiActivity>(fc).RunAsync(Context(nameof(TagPiiActivity), instanceId), input);

    [Function(nameof(DashboardBuildOrchestration))]
    public static Task<JsonObject> DashboardBuild([OrchestrationTrigger] TaskOrchestrationContext ctx) => new DashboardBuildOrchestration().RunAsync(ctx, ctx.GetInput<DashboardBuildInput>()!);

    [Function(nameof(WeeklyMemoOrchestration))]
    public static Task<JsonObject> WeeklyMemo([OrchestrationTrigger] TaskOrchestrationContext ctx) => new WeeklyMemoOrchestration().RunAsync(ctx, ctx.GetInput<WeeklyMemoInput>()!);

    [Function(nameof(AlertNotifyOrchestration))]
    public static Task<AlertNotifyResult> AlertNotify([OrchestrationTrigger] TaskOrchestrationContext ctx) => new AlertNotifyOrchestration().RunAsync(ctx, ctx.GetInput<AlertEvent>()!);

    [Function(nameof(AlertLifecycleOrchestration))]
    public static Task<string> AlertLifecycle([OrchestrationTrigger] TaskOrchestrationContext ctx) => new AlertLifecycleOrchestration().RunAsync(ctx, ctx.GetInput<AlertLifecycleInput>()!);

    [Function(nameof(FixMemoWindowsActivity))]
    public static Task<MemoWindows> FixMemoWindows([ActivityTrigger] MemoWindowsInput input, string instanceId, FunctionContext fc) => Create<FixMemoWindowsActivity>(fc).RunAsync(Context(nameof(FixMemoWindowsActivity), instanceId), input);

    [Function(nameof(SelectMemoKpisActivity))]
    public static Task<MemoPlan> SelectMemoKpis([ActivityTrigger] MemoStepInput input, string instanceId, FunctionContext fc) => Create<SelectMemoKpisActivity>(fc).RunAsync(Context(nameof(SelectMemoKpisActivity), instanceId), input);

    [Function(nameof(RunMemoKpiActivity))]
    public static Task<MemoKpiMeasurement> RunMemoKpi([ActivityTrigger] MemoKpiRunInput input, string instanceId, FunctionContext fc) => Create<RunMemoKpiActivity>(fc).RunAsync(Context(nameof(RunMemoKpiActivity), instanceId), input);

    [Function(nameof(RunMemoSegmentActivity))]
    public static Task<MemoSegmentResult> RunMemoSegment([ActivityTrigger] MemoSegmentRunInput input, string instanceId, FunctionContext fc) => Create<RunMemoSegmentActivity>(fc).RunAsync(Context(nameof(RunMemoSegmentActivity), instanceId), input);

    [Function(nameof(WriteMemoActivity))]
    public static Task<MemoWriteResult> WriteMemo([ActivityTrigger] MemoWriteInput input, string instanceId, FunctionContext fc) => Create<WriteMemoActivity>(fc).RunAsync(Context(nameof(WriteMemoActivity), instanceId), input);

    [Function(nameof(StoreMemoActivity))]
    public static Task<PublishedMemo> StoreMemo([ActivityTrigger] MemoStoreInput input, string instanceId, FunctionContext fc) => Create<StoreMemoActivity>(fc).RunAsync(Context(nameof(StoreMemoActivity), instanceId), input);

    [Function(nameof(RaiseMemoAlertsActivity))]
    public static Task<int> RaiseMemoAlerts([ActivityTrigger] MemoAlertsInput input, string instanceId, FunctionContext fc) => Create<RaiseMemoAlertsActivity>(fc).RunAsync(Context(nameof(RaiseMemoAlertsActivity), instanceId), input);

    [Function(nameof(FanOutNotificationsActivity))]
    public static Task<FanOutResult> FanOutNotifications([ActivityTrigger] AlertEvent input, string instanceId, FunctionContext fc) => Create<FanOutNotificationsActivity>(fc).RunAsync(Context(nameof(FanOutNotificationsActivity), instanceId), input);

    [Function(nameof(DeliverNotificationActivity))]
    public static Task<DeliveryOutcome> DeliverNotification([ActivityTrigger] DeliverNotificationInput input, string instanceId, FunctionContext fc) => Create<DeliverNotificationActivity>(fc).RunAsync(Context(nameof(DeliverNotificationActivity), instanceId), input);

    [Function(nameof(RaiseDeliveryFailureAlertActivity))]
    public static Task<string> RaiseDeliveryFailureAlert([ActivityTrigger] DeliveryFailureAlert input, string instanceId, FunctionContext fc) => Create<RaiseDeliveryFailureAlertActivity>(fc).RunAsync(Context(nameof(RaiseDeliveryFailureAlertActivity), instanceId), input);
    [Function(nameof(PlanAlertLifecycleActivity))]
    public static Task<AlertLifecyclePlan> PlanAlertLifecycle([ActivityTrigger] AlertLifecycleInput input, string instanceId, FunctionContext fc) => Create<PlanAlertLifecycleActivity>(fc).RunAsync(Context(nameof(PlanAlertLifecycleActivity), instanceId), input);

    [Function(nameof(PerformAlertDueActivity))]
    public static Task<AlertDueOutcome> PerformAlertDue([ActivityTrigger] PerformAlertDueInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc) => ActivatorUtilities.CreateInstance<PerformAlertDueActivity>(fc.InstanceServices, client).RunAsync(Context(nameof(PerformAlertDueActivity), instanceId), input);

    [Function(nameof(SelectDashboardsActivity))]
    public static Task<IReadOnlyList<DashboardSpec>> SelectDashboards([ActivityTrigger] DashboardStepInput input, string instanceId, FunctionContext fc) => Create<SelectDashboardsActivity>(fc).RunAsync(Context(nameof(SelectDashboardsActivity), instanceId), input);

    [Function(nameof(RunDashboardCardActivity))]
    public static Task<CardResult> RunDashboardCard([ActivityTrigger] CardRunInput input, string instanceId, FunctionContext fc) => Create<RunDashboardCardActivity>(fc).RunAsync(Context(nameof(RunDashboardCardActivity), instanceId), input);

    [Function(nameof(StoreDashboardActivity))]
    public static Task<PublishedDashboard> StoreDashboard([ActivityTrigger] DashboardPublishInput input, string instanceId, FunctionContext fc) => Create<StoreDashboardActivity>(fc).RunAsync(Context(nameof(StoreDashboardActivity), instanceId), input);

    [Function(nameof(MetabasePublishActivity))]
    public static Task<string?> MetabasePublish([ActivityTrigger] MetabasePublishInput input, string instanceId, FunctionContext fc) => Create<MetabasePublishActivity>(fc).RunAsync(Context(nameof(MetabasePublishActivity), instanceId), input);

    [Function(nameof(MetabaseCompensateActivity))]
    public static Task<int> MetabaseCompensate([ActivityTrigger] MetabaseCompensateInput input, string instanceId, FunctionContext fc) => Create<MetabaseCompensateActivity>(fc).RunAsync(Context(nameof(MetabaseCompensateActivity), instanceId), input);

    [Function(nameof(PersistCatalogActivity))]
    public static Task<CatalogSummary> PersistCatalog([ActivityTrigger] PersistCatalogInput input, string instanceId, FunctionContext fc) => Create<PersistCatalogActivity>(fc).RunAsync(Context(nameof(PersistCatalogActivity), instanceId), input);

    [Function(nameof(CatalogPresentActivity))]
    public static Task<bool> CatalogPresent([ActivityTrigger] string input, string instanceId, FunctionContext fc) => Create<CatalogPresentActivity>(fc).RunAsync(Context(nameof(CatalogPresentActivity), instanceId), input);

    [Function(nameof(AdmitProfileActivity))]
    public static Task<WorkflowTicket> AdmitProfile([ActivityTrigger] AdmitProfileInput input, string instanceId, FunctionContext fc) => Create<AdmitProfileActivity>(fc).RunAsync(Context(nameof(AdmitProfileActivity), instanceId), input);

    [Function(nameof(CompleteWorkflowRunActivity))]
    public static Task<JsonObject> CompleteWorkflowRun([ActivityTrigger] CompleteRunInput input, string instanceId, FunctionContext fc) => Create<CompleteWorkflowRunActivity>(fc).RunAsync(Context(nameof(CompleteWorkflowRunActivity), instanceId), input);

    [Function(nameof(SkipStepActivity))]
    public static Task<bool> SkipStep([ActivityTrigger] SkipStepInput input, string instanceId, FunctionContext fc) => Create<SkipStepActivity>(fc).RunAsync(Context(nameof(SkipStepActivity), instanceId), input);

    [Function(nameof(CheckAdmissionActivity))]
    public static Task<AdmissionDecision> CheckAdmission([ActivityTrigger] WorkflowTicket input, string instanceId, FunctionContext fc) => Create<CheckAdmissionActivity>(fc).RunAsync(Context(nameof(CheckAdmissionActivity), instanceId), input);

    [Function(nameof(ReleaseSlotActivity))]
    public static Task<IReadOnlyList<string>> ReleaseSlot([ActivityTrigger] WorkflowTicket input, string instanceId, FunctionContext fc) => Create<ReleaseSlotActivity>(fc).RunAsync(Context(nameof(ReleaseSlotActivity), instanceId), input);

    [Function(nameof(PlanQuestionActivity))]
    public static Task<PlanOutcome> PlanQuestion([ActivityTrigger] PlanRequest input, string instanceId, FunctionContext fc) => Create<PlanQuestionActivity>(fc).RunAsync(Context(nameof(PlanQuestionActivity), instanceId), input);

    [Function(nameof(ValidatePlanActivity))]
    public static Task<IReadOnlyList<string>> ValidatePlan([ActivityTrigger] ValidateRequest input, string instanceId, FunctionContext fc) => Create<ValidatePlanActivity>(fc).RunAsync(Context(nameof(ValidatePlanActivity), instanceId), input);

    [Function(nameof(CritiquePlanActivity))]
    public static Task<GateVerdict> CritiquePlan([ActivityTrigger] CritiqueRequest input, string instanceId, FunctionContext fc) => Create<CritiquePlanActivity>(fc).RunAsync(Context(nameof(CritiquePlanActivity), instanceId), input);

    [Function(nameof(ExecuteQueryActivity))]
    public static Task<ExecutionOutput> ExecuteQuery([ActivityTrigger] ExecuteRequest input, string instanceId, FunctionContext fc) => Create<ExecuteQueryActivity>(fc).RunAsync(Context(nameof(ExecuteQueryActivity), instanceId), input);

    [Function(nameof(ReviewResultActivity))]
    public static Task<IReadOnlyList<string>> ReviewResult([ActivityTrigger] ReviewRequest input, string instanceId, FunctionContext fc) => Create<ReviewResultActivity>(fc).RunAsync(Context(nameof(ReviewResultActivity), instanceId), input);

    [Function(nameof(ComposeAnswerActivity))]
    public static Task<JsonObject> ComposeAnswer([ActivityTrigger] ComposeRequest input, string instanceId, FunctionContext fc) => Create<ComposeAnswerActivity>(fc).RunAsync(Context(nameof(ComposeAnswerActivity), instanceId), input);

    [Function(nameof(FinishAgentRunActivity))]
    public static Task<bool> FinishAgentRun([ActivityTrigger] AgentRunFinish input, string instanceId, FunctionContext fc) => Create<FinishAgentRunActivity>(fc).RunAsync(Context(nameof(FinishAgentRunActivity), instanceId), input);

    [Function(nameof(RunApprovedQueryActivity))]
    public static Task<QueryRunOutcome> RunApprovedQuery([ActivityTrigger] QueryRunInput input, string instanceId, FunctionContext fc) => Create<RunApprovedQueryActivity>(fc).RunAsync(Context(nameof(RunApprovedQueryActivity), instanceId), input);

    [Function(nameof(ReencryptCredentialsActivity))]
    public static Task<ReencryptPageResult> ReencryptCredentials([ActivityTrigger] ReencryptPageInput input, string instanceId, FunctionContext fc) => Create<ReencryptCredentialsActivity>(fc).RunAsync(Context(nameof(ReencryptCredentialsActivity), instanceId), input);

    [Function(nameof(TenantPurgeOrchestration))]
    public static Task<TenantPurgeResult?> TenantPurge([OrchestrationTrigger] TaskOrchestrationContext ctx) => new TenantPurgeOrchestration().RunAsync(ctx, ctx.GetInput<TenantPurgeInput>()!);

    // Purge activities that reach the engine's instances get the Functions client explicitly (the worker has none in DI).
    [Function(nameof(BeginTenantPurgeActivity))]
    public static Task<TenantPurgeStart> BeginTenantPurge([ActivityTrigger] TenantPurgeInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc) => new BeginTenantPurgeActivity(TenantPurgeServices.For(fc.InstanceServices, client), fc.InstanceServices.GetRequiredService<Autopilot.Core.Audit.AuditLog>()).RunAsync(Context(nameof(BeginTenantPurgeActivity), instanceId), input);

    [Function(nameof(PurgeTenantStoreActivity))]
    public static Task<int> PurgeTenantStore([ActivityTrigger] TenantPurgeStageInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc) => new PurgeTenantStoreActivity(TenantPurgeServices.For(fc.InstanceServices, client)).RunAsync(Context(nameof(PurgeTenantStoreActivity), instanceId), input);

    [Function(nameof(CountTenantStoresActivity))]
    public static Task<Dictionary<string, long>> CountTenantStores([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc) => new CountTenantStoresActivity(TenantPurgeServices.For(fc.InstanceServices, client)).RunAsync(Context(nameof(CountTenantStoresActivity), instanceId), input);

    [Function(nameof(FinishTenantPurgeActivity))]
    public static Task<bool> FinishTenantPurge([ActivityTrigger] TenantPurgeFinish input, string instanceId, FunctionContext fc) => Create<FinishTenantPurgeActivity>(fc).RunAsync(Context(nameof(FinishTenantPurgeActivity), instanceId), input);

    [Function(nameof(PurgeMetabaseActivity))]
    public static Task<MetabasePurge?> PurgeMetabase([ActivityTrigger] string markerKey, string instanceId, FunctionContext fc) => Create<PurgeMetabaseActivity>(fc).RunAsync(Context(nameof(PurgeMetabaseActivity), instanceId), markerKey);

    [Function(nameof(DisconnectOrchestration))]
    public static Task<DisconnectResult> Disconnect([OrchestrationTrigger] TaskOrchestrationContext ctx) => new DisconnectOrchestration().RunAsync(ctx, ctx.GetInput<DisconnectInput>()!);

    [Function(nameof(DisconnectStageActivity))]
    public static Task<Dictionary<string, long>> DisconnectStage([ActivityTrigger] DisconnectStageInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc) => ActivatorUtilities.CreateInstance<DisconnectStageActivity>(fc.InstanceServices, client).RunAsync(Context(nameof(DisconnectStageActivity), instanceId), input);

    [Function(nameof(AuditDisconnectActivity))]
    public static Task<bool> AuditDisconnect([ActivityTrigger] AuditDisconnectInput input, string instanceId, FunctionContext fc) => Create<AuditDisconnectActivity>(fc).RunAsync(Context(nameof(AuditDisconnectActivity), instanceId), input);

    [Function(nameof(ChannelReplyOrchestration))]
    public static Task<ChannelReplyResult> ChannelReply([OrchestrationTrigger] TaskOrchestrationContext ctx) => new ChannelReplyOrchestration().RunAsync(ctx, ctx.GetInput<ChannelReplyInput>()!);

    [Function(nameof(StartChannelChatActivity))]
    public static async Task<ChatReply> StartChannelChat([ActivityTrigger] ChannelReplyInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc)
    {
        // The chat service starts agent runs and workflows through the engine client of the function in progress.
        using var engine = DurableClientScope.Begin(client);
        return await Create<StartChannelChatActivity>(fc).RunAsync(Context(nameof(StartChannelChatActivity), instanceId), input);
    }

    [Function(nameof(CompleteChannelChatActivity))]
    public static async Task<ChatReply?> CompleteChannelChat([ActivityTrigger] CompleteChannelChatInput input, [DurableClient] DurableTaskClient client, string instanceId, FunctionContext fc)
    {
        using var engine = DurableClientScope.Begin(client);
        return await Create<CompleteChannelChatActivity>(fc).RunAsync(Context(nameof(CompleteChannelChatActivity), instanceId), input);
    }

    [Function(nameof(PostChannelReplyActivity))]
    public static Task<bool> PostChannelReply([ActivityTrigger] PostChannelReplyInput input, string instanceId, FunctionContext fc) => Create<PostChannelReplyActivity>(fc).RunAsync(Context(nameof(PostChannelReplyActivity), instanceId), input);

    internal static TActivity Create<TActivity>(FunctionContext fc)
        where TActivity : ITaskActivity
    {
        ArgumentNullException.ThrowIfNull(fc);
        return ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(fc.InstanceServices);
    }

    internal static TaskActivityContext Context(string name, string instanceId) => new ActivityContext(name, instanceId);

    /// <summary>What the SDK's generated adapters pass: the activity's name and its orchestration's instance id.</summary>
    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}
