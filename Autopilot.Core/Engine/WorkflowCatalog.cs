using Autopilot.Core.Admission;
using Autopilot.Core.Agent;
using Autopilot.Core.Alerts.Lifecycle;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Alerts.Notifications.Delivery;
using Autopilot.Core.Channels.Replies;
using Autopilot.Core.Connectors;
using Autopilot.Core.Connectors.Disconnect;
using Autopilot.Core.Dashboards;
using Autopilot.Core.Memos;
using Autopilot.Core.Profiling;
using Autopilot.Core.Queries;
using Autopilot.Core.Tenants.Purge;
using Autopilot.Core.Workflows.Testing;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Engine;

/// <summary>
/// Every orchestrator and activity, declared once. Both runtimes register exactly these
/// (the server through the shim factory, Functions through one-line adapters checked by a test). The
/// fault-injection workflow is kept apart: it runs only where AUTOPILOT_ENABLE_TEST_WORKFLOWS is on.
/// </summary>
public static class WorkflowCatalog
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(ProfileWarehouseOrchestration),
        typeof(AgentRunOrchestration),
        typeof(QueryRunOrchestration),
        typeof(DashboardBuildOrchestration),
        typeof(WeeklyMemoOrchestration),
        typeof(CredentialReencryptOrchestration),
        typeof(AlertNotifyOrchestration),
        typeof(AlertLifecycleOrchestration),
        typeof(TenantPurgeOrchestration),
        typeof(DisconnectOrchestration),
        typeof(ChannelReplyOrchestration),
    ];

    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(IntrospectWarehouseActivity),
        typeof(ProfileTableBatchActivity),
        typeof(TagPiiActivity),
        typeof(PersistCatalogActivity),
        typeof(CatalogPresentActivity),
        typeof(AdmitProfileActivity),
        typeof(CompleteWorkflowRunActivity),
        typeof(SkipStepActivity),
        typeof(CheckAdmissionActivity),
        typeof(ReleaseSlotActivity),
        typeof(PlanQuestionActivity),
        typeof(ValidatePlanActivity),
        typeof(CritiquePlanActivity),
        typeof(ExecuteQueryActivity),
        typeof(ReviewResultActivity),
        typeof(ComposeAnswerActivity),
        typeof(FinishAgentRunActivity),
        typeof(RunApprovedQueryActivity),
        typeof(SelectDashboardsActivity),
        typeof(RunDashboardCardActivity),
        typeof(StoreDashboardActivity),
        typeof(MetabasePublishActivity),
        typeof(MetabaseCompensateActivity),
        typeof(ReencryptCredentialsActivity),
        typeof(FixMemoWindowsActivity),
        typeof(SelectMemoKpisActivity),
        typeof(RunMemoKpiActivity),
        typeof(RunMemoSegmentActivity),
        typeof(WriteMemoActivity),
        typeof(StoreMemoActivity),
        typeof(RaiseMemoAlertsActivity),
        typeof(FanOutNotificationsActivity),
        typeof(DeliverNotificationActivity),
        typeof(RaiseDeliveryFailureAlertActivity),
        typeof(PlanAlertLifecycleActivity),
        typeof(PerformAlertDueActivity),
        typeof(BeginTenantPurgeActivity),
        typeof(PurgeTenantStoreActivity),
        typeof(CountTenantStoresActivity),
        typeof(FinishTenantPurgeActivity),
        typeof(PurgeMetabaseActivity),
        typeof(DisconnectStageActivity),
        typeof(AuditDisconnectActivity),
        typeof(StartChannelChatActivity),
        typeof(CompleteChannelChatActivity),
        typeof(PostChannelReplyActivity),
    ];

    /// <summary>The fault-injection workflow's tasks, registered only with the test flag.</summary>
    public static IReadOnlyList<Type> TestOrchestrators { get; } = [typeof(FaultInjectionOrchestration)];

    /// <inheritdoc cref="TestOrchestrators"/>
    public static IReadOnlyList<Type> TestActivities { get; } = [typeof(FaultStepActivity)];

    /// <summary>The orchestrators a runtime registers, given its AUTOPILOT_ENABLE_TEST_WORKFLOWS setting.</summary>
    public static IReadOnlyList<Type> OrchestratorsFor(bool enableTestWorkflows) =>
        enableTestWorkflows ? [.. Orchestrators, .. TestOrchestrators] : Orchestrators;

    /// <summary>The activities a runtime registers, given its AUTOPILOT_ENABLE_TEST_WORKFLOWS setting.</summary>
    public static IReadOnlyList<Type> ActivitiesFor(bool enableTestWorkflows) =>
        enableTestWorkflows ? [.. Activities, .. TestActivities] : Activities;

    /// <summary>The durable name of a task: its class name.</summary>
    public static string NameOf(Type type) => type.Name;
}
