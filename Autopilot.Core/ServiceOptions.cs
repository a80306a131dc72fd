namespace Autopilot.Core;

/// <summary>Service-wide settings, bound once from configuration and validated at start.</summary>
public sealed class ServiceOptions
{
    public string AppName { get; init; } = "Data Team Autopilot";

    /// <summary>How long a trigger waits for its workflow before answering 202 with a status URL.</summary>
    public TimeSpan WorkflowWait { get; init; } = TimeSpan.FromSeconds(30);

    public bool AllowRealQueryExecution { get; init; }

    /// <summary>Empty: tenants connect to the embedded demo warehouse.</summary>
    public string BigQueryProjectId { get; init; } = string.Empty;

    public string BigQueryLocation { get; init; } = "US";

    /// <summary>Service-account key used when a connect request brings none (BIGQUERY_SERVICE_ACCOUNT_JSON); a secret.</summary>
    public string BigQueryServiceAccountJson { get; init; } = string.Empty;

    /// <summary>Another BigQuery endpoint (a regional or private one, or an emulator); null: Google's.</summary>
    public Uri? BigQueryEndpoint { get; init; }

    /// <summary>Empty: dashboards are the app's own pages (Metabase "embedded" mode).</summary>
    public string MetabaseUrl { get; init; } = string.Empty;

    public string MetabaseApiKey { get; init; } = string.Empty;

    /// <summary>Empty: caches and limiters run in memory.</summary>
    public string RedisUrl { get; init; } = string.Empty;

    /// <summary>Workflows a tenant may run at once (PER_ORG_MAX_WORKFLOWS).</summary>
    public int MaxWorkflowsPerTenant { get; init; } = 3;

    /// <summary>Of those, profiles (PER_ORG_MAX_PROFILE_WORKFLOWS).</summary>
    public int MaxProfileWorkflowsPerTenant { get; init; } = 2;

    /// <summary>Agent runs a tenant may run at once, besides its workflows (PER_ORG_MAX_AGENT_RUNS).</summary>
    public int MaxAgentRunsPerTenant { get; init; } = 5;

    /// <summary>Failed attempts after which a workflow is dead-lettered.</summary>
    public int DeadLetterAfterAttempts { get; init; } = 3;

    /// <summary>How often the background processor looks at queued work.</summary>
    public TimeSpan QueuePollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Workflows (not agent runs) the whole service runs at once, on top of the per-tenant caps (MAX_INFLIGHT_WORKFLOWS);
    /// beyond it work waits in the durable admission queue with reason <c>service_limit</c>. The default, 100, is sized
    /// for one worker — one engine host process against its storage account — so it is service-wide, not per process:
    /// a deployment of K worker replicas sets K × 100.
    /// </summary>
    public int MaxInFlightWorkflows { get; init; } = 100;

    /// <summary>How often the weekly memo timer looks for due tenants (MEMO_TIMER_INTERVAL).</summary>
    public TimeSpan MemoTimerInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this process runs the weekly memo timer (MEMO_TIMER_ENABLED, default true).</summary>
    public bool MemoTimerEnabled { get; init; } = true;

    /// <summary>
    /// The length of the alert clock's minute (ALERT_MINUTE, hh:mm:ss, default 00:01:00): escalation policies, acknowledgement
    /// reminders and notification retry back-off (1/4/16) are counted in these minutes. Only tests shorten it, so real
    /// timers fire in seconds.
    /// </summary>
    public TimeSpan AlertMinute { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the alert lifecycle sweep makes sure every open alert has a running lifecycle (ALERT_SWEEP_INTERVAL).</summary>
    public TimeSpan AlertSweepInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this process runs the alert lifecycle sweep (ALERT_SWEEP_ENABLED, default true).</summary>
    public bool AlertSweepEnabled { get; init; } = true;
    /// <summary>Rows a tenant purge removes per activity (PURGE_PAGE_SIZE, default 200): a crash costs at most one page.</summary>
    public int PurgePageSize { get; init; } = 200;

    public bool SimulateWarehouseUnavailable { get; init; }

    public bool SimulateLlmUnavailable { get; init; }

    /// <summary>Exposes the fault-injection workflow over HTTP; for tests only.</summary>
    public bool EnableTestWorkflows { get; init; }

    /// <summary>
    /// Whether notification targets may connect to private, loopback or reserved addresses (NOTIFY_ALLOW_PRIVATE_TARGETS;
    /// default false: a tenant's webhook cannot reach the service's own network).
    /// </summary>
    public bool AllowPrivateNotificationTargets { get; init; }
}
