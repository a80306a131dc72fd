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

    /// <summary>Empty: dashboards are the app's own pages (Metabase "embedded" mode).</summary>
    public string MetabaseUrl { get; init; } = string.Empty;

    public string MetabaseApiKey { get; init; } = string.Empty;

    /// <summary>Empty: caches and limiters run in memory.</summary>
    public string RedisUrl { get; init; } = string.Empty;
}
