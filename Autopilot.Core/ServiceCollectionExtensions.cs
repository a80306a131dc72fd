using Autopilot.Core.Admission;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Llm;
using Autopilot.Core.Alerts;
using Autopilot.Core.Alerts.Notifications;
using Autopilot.Core.Api;
using Autopilot.Core.Audit;
using Autopilot.Core.Catalog;
using Autopilot.Core.Channels;
using Autopilot.Core.Connectors;
using Autopilot.Core.Costs;
using Autopilot.Core.Queries;
using Autopilot.Core.RateLimits;
using Autopilot.Core.Health;
using Autopilot.Core.Memos;
using Autopilot.Core.Storage;
using Autopilot.Core.Warehouse;
using Autopilot.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Autopilot.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers Core's stores, handlers' services and activities' dependencies; both runtimes call this once.</summary>
    public static IServiceCollection AddAutopilotCore(this IServiceCollection services, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(settings.Service);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddSingleton(new StorageOptions { ConnectionString = settings.StorageConnectionString, TablePrefix = settings.TaskHubName });
        services.AddSingleton<TableStorage>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton(new CredentialProtector(settings.CredentialKeys));
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<Pii.PiiDecisionStore>();
        services.AddSingleton<WorkflowRunStore>();
        services.AddSingleton<StepStore>();
        services.AddSingleton<StepRecorder>();
        services.AddSingleton(new StepDelayOptions { Delay = settings.TestStepDelay });
        services.AddSingleton<IWarehouse>(sp => new DuckDbWarehouse(settings.DemoWarehousePath, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WarehouseResolver>();
        services.AddHostedService<DemoWarehouseInitializer>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<DependencyMonitor>();
        services.AddSingleton<AdmissionPolicy>();
        services.AddSingleton<AdmissionStore>();
        services.AddSingleton<Tenants.TenantSettingsStore>();
        services.AddSingleton<Tenants.TenantStore>();
        services.AddSingleton<Tenants.Purge.TenantPurgeMarkers>();
        services.AddSingleton(sp => Tenants.Purge.TenantPurgeServices.For(sp, engine: null));
        services.AddSingleton<Memos.MemoScheduleStore>();
        services.AddSingleton<Memos.WeeklyMemoTimer>();
        services.AddSingleton<QueueProcessor>();
        services.AddSingleton<QueueSweep>();
        services.AddSingleton<ServiceSlots>();
        services.AddSingleton<PendingWorkIndex>();
        services.AddSingleton<DeadLetterStore>();
        services.AddSingleton<Artifacts.ArtifactStore>();
        services.AddSingleton<Feedback.FeedbackStore>();
        services.AddSingleton<Dashboards.MetabaseClientFactory>();
        services.AddSingleton<AlertStore>();
        services.AddAlertNotifications();
        services.AddSingleton<Alerts.Lifecycle.AlertLifecycles>();
        services.AddSingleton<Alerts.Lifecycle.AlertLifecycleSweep>();
        services.AddSingleton<IAlertSink, Alerts.Lifecycle.LifecycleAlertSink>();
        services.AddSingleton<WorkflowLauncher>();
        services.AddCostsAndCaching(settings.Service, settings.Costs, settings.Cache);
        services.AddTenantRateLimits(settings.RateLimits);
        services.AddChatChannels(settings.Channels);
        services.AddSingleton(settings.Queries);
        services.AddSingleton<QueryPath>();
        services.AddSingleton<QueryPreviewStore>();
        services.AddSingleton(settings.Agent);
        services.AddSingleton<AgentTransitions>();
        services.AddSingleton<DimensionValueLookup>();
        services.AddSingleton<AgentCatalogLoader>();

        services.AddSingleton(settings.LlmRates);
        services.AddSingleton<Llm.LlmUsageStore>();
        services.AddSingleton<Llm.LlmBudgets>();

        // Planners are tried in registration order: the language model first when enabled, then the deterministic one.
        services.AddLlmPlanner(settings.LlmPlanner);
        services.AddMemos(settings.LlmPlanner);
        services.AddSingleton<IQuestionPlanner, Agent.Planning.DeterministicPlanner>();
        services.AddSingleton<AgentRunLauncher>();
        services.AddSingleton<WorkflowTriggers>();
        services.AddSingleton(sp => new Chat.ChatIntentClassifier(
            sp.GetKeyedService<Microsoft.Extensions.AI.IChatClient>(LlmPlannerServiceCollectionExtensions.ChatClientKey),
            settings.LlmPlanner,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Chat.ChatIntentClassifier>>()));
        services.AddSingleton<Chat.IChatService, Chat.ChatService>();
        services.AddSingleton(settings.LlmEval);
        services.AddSingleton<Llm.Evaluation.LlmEvalRunStore>();
        services.AddSingleton(sp => Llm.Evaluation.MemoEvaluator.Create(
            sp.GetKeyedService<Microsoft.Extensions.AI.IChatClient>(LlmPlannerServiceCollectionExtensions.ChatClientKey),
            settings.LlmPlanner,
            settings.LlmEval,
            sp.GetRequiredService<Llm.LlmUsageStore>(),
            sp.GetRequiredService<Llm.LlmBudgets>(),
            sp.GetRequiredService<Llm.LlmRates>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.AddSingleton<IPlanValidator, CatalogPlanValidator>();
        services.AddSingleton<WorkflowCancellation>();
        services.AddSingleton(settings.Auth);
        services.AddSingleton<Tenancy.OpenIdMetadataCache>();
        services.AddSingleton<Tenancy.BearerTokenAuthenticator>();
        services.AddSingleton<Tenancy.IdentityExposure>();
        services.AddHostedService<Tenancy.IdentityExposureWarning>();
        services.AddSingleton<ApiDispatcher>();
        return services;
    }
}
