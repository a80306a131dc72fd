using System.Globalization;
using System.Text.RegularExpressions;
using Autopilot.Core.Admission;
using Microsoft.Extensions.Configuration;

namespace Autopilot.Core;

/// <summary>
/// Every setting, read from configuration (environment variables use the seed's flat names) and validated once at
/// start. Errors say which variable to set and how.
/// </summary>
public sealed partial record Settings(
    ServiceOptions Service,
    string StorageConnectionString,
    string TaskHubName,
    string DemoWarehousePath,
    Connectors.CredentialKeyRing CredentialKeys,
    TimeSpan TestStepDelay,
    Costs.CostOptions Costs,
    Caching.CacheOptions Cache,
    Queries.QueryOptions Queries,
    Agent.AgentOptions Agent,
    Agent.Llm.LlmPlannerOptions? LlmPlanner,
    Tenancy.AuthOptions Auth)
{
    /// <summary>Per-tenant request limits by route class (RATE_LIMIT_*); off unless set.</summary>
    public RateLimits.RateLimitOptions RateLimits { get; init; } = global::Autopilot.Core.RateLimits.RateLimitOptions.Off;

    /// <summary>USD per million tokens by model, LLM-6's table with LLM_COST_RATES_JSON's overrides.</summary>
    public Llm.LlmRates LlmRates { get; init; } = Llm.LlmRates.Default;

    /// <summary>Slack and Telegram secrets, tokens, default orgs and API base URLs (SLACK_*, TELEGRAM_*).</summary>
    public Channels.ChannelOptions Channels { get; init; } = global::Autopilot.Core.Channels.ChannelOptions.Off;
    /// <summary>LLM-5's evaluation providers (LLM_EVAL_ENABLED, LLM_EVAL_PROVIDERS_JSON); off unless enabled.</summary>
    public Llm.Evaluation.LlmEvalOptions LlmEval { get; init; } = Llm.Evaluation.LlmEvalOptions.Off;

    public static Settings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();

        var storage = First(configuration, "AZURE_STORAGE_CONNECTION_STRING", "AzureWebJobsStorage");
        if (storage.Length == 0)
        {
            errors.Add("AZURE_STORAGE_CONNECTION_STRING is required: a storage account connection string, or 'UseDevelopmentStorage=true' for Azurite on its default ports.");
        }

        var hub = Value(configuration, "TASKHUB_NAME", "autopilot");
        if (!TaskHubPattern().IsMatch(hub))
        {
            errors.Add($"TASKHUB_NAME '{hub}' is invalid: use 3–45 letters and digits, starting with a letter.");
        }

        var keys = Guarded(() => global::Autopilot.Core.Connectors.CredentialKeyRing.Read(configuration), errors);
        var waitSeconds = Number(configuration, "WORKFLOW_WAIT_SECONDS", 30, errors, min: 0, max: 600);
        var delayMs = Number(configuration, "AUTOPILOT_TEST_STEP_DELAY_MS", 0, errors, min: 0, max: 600_000);
        var allowReal = Flag(configuration, "ALLOW_REAL_QUERY_EXECUTION", errors);
        var maxWorkflows = Number(configuration, "PER_ORG_MAX_WORKFLOWS", 3, errors, min: 1, max: 1000);
        var maxProfiles = Number(configuration, "PER_ORG_MAX_PROFILE_WORKFLOWS", 2, errors, min: 1, max: 1000);
        var maxAgentRuns = Number(configuration, "PER_ORG_MAX_AGENT_RUNS", 5, errors, min: 1, max: 1000);
        var deadLetterAfter = Number(configuration, "DEAD_LETTER_AFTER_ATTEMPTS", 3, errors, min: 1, max: 100);
        var purgePage = Number(configuration, "PURGE_PAGE_SIZE", 200, errors, min: 1, max: 1000);
        var queuePoll = QueuePollInterval(configuration, errors);
        var memoTimer = MemoTimerInterval(configuration, errors);
        var alertMinute = AlertMinute(configuration, errors);
        var alertSweep = AlertSweepInterval(configuration, errors);
        var alertSweepEnabled = string.IsNullOrWhiteSpace(configuration[Alerts.Lifecycle.AlertSweepSchedule.EnabledSetting]) || Flag(configuration, Alerts.Lifecycle.AlertSweepSchedule.EnabledSetting, errors);
        var maxInFlight = Number(configuration, "MAX_INFLIGHT_WORKFLOWS", 100, errors, min: 1, max: 100_000);
        var memoTimerEnabled = string.IsNullOrWhiteSpace(configuration[Memos.MemoTimerSchedule.EnabledSetting]) || Flag(configuration, Memos.MemoTimerSchedule.EnabledSetting, errors);
        var simulateWarehouse = Flag(configuration, "SIMULATE_WAREHOUSE_UNAVAILABLE", errors);
        var simulateLlm = Flag(configuration, "SIMULATE_LLM_UNAVAILABLE", errors);
        var testWorkflows = Flag(configuration, "AUTOPILOT_ENABLE_TEST_WORKFLOWS", errors);
        var privateTargets = Flag(configuration, Alerts.Notifications.Channels.TargetAddressGuard.Setting, errors);
        var project = Value(configuration, "BIGQUERY_PROJECT_ID", string.Empty);
        var serviceAccount = Value(configuration, "BIGQUERY_SERVICE_ACCOUNT_JSON", string.Empty);
        if (serviceAccount.Length > 0 && !IsJsonObject(serviceAccount))
        {
            errors.Add("BIGQUERY_SERVICE_ACCOUNT_JSON must be a JSON object (a service-account key file's contents).");
        }

        Uri? bigQueryEndpoint = null;
        if (Value(configuration, "BIGQUERY_ENDPOINT", string.Empty) is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out bigQueryEndpoint))
        {
            errors.Add($"BIGQUERY_ENDPOINT '{endpoint}' is not an absolute URL.");
        }

        if (allowReal && project.Length == 0)
        {
            errors.Add("ALLOW_REAL_QUERY_EXECUTION=true needs a live warehouse (BIGQUERY_PROJECT_ID); leave it false with the demo warehouse.");
        }

        var metabaseUrl = Value(configuration, "METABASE_URL", string.Empty);
        var metabaseKey = Value(configuration, "METABASE_API_KEY", string.Empty);
        if (metabaseUrl.Length > 0 && !Uri.TryCreate(metabaseUrl, UriKind.Absolute, out _))
        {
            errors.Add($"METABASE_URL '{metabaseUrl}' is not an absolute URL.");
        }

        if (metabaseUrl.Length > 0 && metabaseKey.Length == 0)
        {
            errors.Add("METABASE_URL is set but METABASE_API_KEY is empty: set both for a live Metabase, or neither for the app's own dashboards.");
        }

        var costs = Guarded(() => global::Autopilot.Core.Costs.CostOptions.Read(configuration), errors);
        var cache = Guarded(() => global::Autopilot.Core.Caching.CacheOptions.Read(configuration), errors);
        var queries = Guarded(() => global::Autopilot.Core.Queries.QueryOptions.Read(configuration), errors);
        var llm = Guarded(() => global::Autopilot.Core.Agent.Llm.LlmPlannerOptions.Read(configuration), errors);
        var auth = Guarded(() => global::Autopilot.Core.Tenancy.AuthOptions.Read(configuration), errors);
        var rateLimits = Guarded(() => global::Autopilot.Core.RateLimits.RateLimitOptions.Read(configuration), errors);
        var channels = Guarded(() => global::Autopilot.Core.Channels.ChannelOptions.Read(configuration), errors);
        var llmRates = Llm.LlmRates.Parse(configuration[Llm.LlmRates.Setting], out var ratesError);
        if (ratesError is not null)
        {
            errors.Add(ratesError);
        }
        var approvalTimeout = Number(configuration, "AGENT_APPROVAL_TIMEOUT_SECONDS", 24 * 3600, errors, min: 1, max: 30 * 24 * 3600);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Autopilot cannot start:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        return new Settings(
            new ServiceOptions
            {
                AppName = Value(configuration, "APP_NAME", "Data Team Autopilot"),
                WorkflowWait = TimeSpan.FromSeconds(waitSeconds),
                AllowRealQueryExecution = allowReal,
                BigQueryProjectId = project,
                BigQueryLocation = Value(configuration, "BIGQUERY_LOCATION", "US"),
                BigQueryServiceAccountJson = serviceAccount,
                BigQueryEndpoint = bigQueryEndpoint,
                MetabaseUrl = metabaseUrl,
                MetabaseApiKey = metabaseKey,
                RedisUrl = Value(configuration, "REDIS_URL", string.Empty),
                MaxWorkflowsPerTenant = maxWorkflows,
                MaxProfileWorkflowsPerTenant = Math.Min(maxProfiles, maxWorkflows),
                MaxAgentRunsPerTenant = maxAgentRuns,
                DeadLetterAfterAttempts = deadLetterAfter,
                QueuePollInterval = queuePoll,
                MemoTimerInterval = memoTimer,
                MaxInFlightWorkflows = maxInFlight,
                PurgePageSize = purgePage,
                MemoTimerEnabled = memoTimerEnabled,
                AlertMinute = alertMinute,
                AlertSweepInterval = alertSweep,
                AlertSweepEnabled = alertSweepEnabled,
                SimulateWarehouseUnavailable = simulateWarehouse,
                SimulateLlmUnavailable = simulateLlm,
                EnableTestWorkflows = testWorkflows,
                AllowPrivateNotificationTargets = privateTargets,
            },
            storage,
            hub,
            Value(configuration, "DEMO_WAREHOUSE_PATH", Path.Combine(".data", "demo-warehouse.duckdb")),
            keys!,
            TimeSpan.FromMilliseconds(delayMs),
            costs!,
            cache!,
            queries!,
            new global::Autopilot.Core.Agent.AgentOptions(TimeSpan.FromSeconds(approvalTimeout)),
            llm,
            auth!)
        {
            RateLimits = rateLimits!,
            LlmRates = llmRates,
            Channels = channels!,
            LlmEval = Llm.Evaluation.LlmEvalOptions.Read(configuration),
        };
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static T? Guarded<T>(Func<T> read, List<string> errors) where T : class?
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException invalid)
        {
            errors.Add(invalid.Message);
            return null;
        }
    }

    private static string Value(IConfiguration configuration, string key, string fallback) =>
        configuration[key] is { Length: > 0 } value ? value.Trim() : fallback;

    private static string First(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() ?? string.Empty;

    private static int Number(IConfiguration configuration, string key, int fallback, List<string> errors, int min, int max)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key} must be a whole number from {min} to {max}; got '{raw}'.");
        return fallback;
    }

    private static TimeSpan MemoTimerInterval(IConfiguration configuration, List<string> errors)
    {
        var raw = configuration[Memos.MemoTimerSchedule.Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Memos.MemoTimerSchedule.Default;
        }

        if (Memos.MemoTimerSchedule.TryParse(raw, out var interval))
        {
            return interval;
        }

        errors.Add($"{Memos.MemoTimerSchedule.Setting} must be a TimeSpan hh:mm:ss from {Memos.MemoTimerSchedule.Minimum} to {Memos.MemoTimerSchedule.Maximum}; got '{raw}'.");
        return Memos.MemoTimerSchedule.Default;
    }

    private static TimeSpan AlertSweepInterval(IConfiguration configuration, List<string> errors)
    {
        var raw = configuration[Alerts.Lifecycle.AlertSweepSchedule.Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Alerts.Lifecycle.AlertSweepSchedule.Default;
        }

        if (Alerts.Lifecycle.AlertSweepSchedule.TryParse(raw, out var interval))
        {
            return interval;
        }

        errors.Add($"{Alerts.Lifecycle.AlertSweepSchedule.Setting} must be a TimeSpan hh:mm:ss from {Alerts.Lifecycle.AlertSweepSchedule.Minimum} to {Alerts.Lifecycle.AlertSweepSchedule.Maximum}; got '{raw}'.");
        return Alerts.Lifecycle.AlertSweepSchedule.Default;
    }

    private static TimeSpan AlertMinute(IConfiguration configuration, List<string> errors)
    {
        const string Setting = "ALERT_MINUTE";
        var raw = configuration[Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return TimeSpan.FromMinutes(1);
        }

        if (Engine.IntervalSetting.TryParse(raw, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1), out var minute))
        {
            return minute;
        }

        errors.Add($"{Setting} must be a TimeSpan hh:mm:ss from 00:00:00.1 to 00:01:00 (the alert clock's minute; only tests shorten it); got '{raw}'.");
        return TimeSpan.FromMinutes(1);
    }

    private static TimeSpan QueuePollInterval(IConfiguration configuration, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(configuration[QueuePolling.ReplacedSetting]))
        {
            errors.Add($"{QueuePolling.ReplacedSetting} was replaced by {QueuePolling.Setting} (a TimeSpan such as 00:00:02, also the Azure Functions timer's schedule).");
        }

        var raw = configuration[QueuePolling.Setting];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return QueuePolling.Default;
        }

        if (QueuePolling.TryParse(raw, out var interval))
        {
            return interval;
        }

        errors.Add($"{QueuePolling.Setting} must be a TimeSpan hh:mm:ss[.fff] from {QueuePolling.Minimum} to {QueuePolling.Maximum}; got '{raw}'.");
        return QueuePolling.Default;
    }

    private static bool Flag(IConfiguration configuration, string key, List<string> errors)
    {
        var raw = configuration[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        if (bool.TryParse(raw, out var value))
        {
            return value;
        }

        errors.Add($"{key} must be true or false; got '{raw}'.");
        return false;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubPattern();
}
