using Autopilot.Core.Health;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Admission;

/// <summary>Per-tenant limits and the dependency checks that decide whether queued work may start.</summary>
public sealed class AdmissionPolicy
{
    private readonly AdmissionLimits _defaults;
    private readonly DependencyMonitor _dependencies;
    private readonly Tenants.TenantSettingsStore _tenantSettings;

    public AdmissionPolicy(ServiceOptions options, DependencyMonitor dependencies, Tenants.TenantSettingsStore tenantSettings)
    {
        ArgumentNullException.ThrowIfNull(options);
        _defaults = new AdmissionLimits(options.MaxWorkflowsPerTenant, options.MaxProfileWorkflowsPerTenant, options.MaxAgentRunsPerTenant);
        _dependencies = dependencies;
        _tenantSettings = tenantSettings;
    }

    /// <summary>The tenant setting that holds its own limits.</summary>
    public const string SettingName = "admission_limits";

    public AdmissionLimits Defaults => _defaults;

    /// <summary>The tenant's own limits if an admin set them, else the configured defaults.</summary>
    public async Task<AdmissionLimits> LimitsForAsync(string tenantId, CancellationToken cancellation) =>
        await _tenantSettings.GetAsync<AdmissionLimits>(tenantId, SettingName, cancellation) ?? _defaults;

    /// <summary>
    /// The outage that makes the tenant's new work of this type wait, in the seed's order of checks (QUEUE-1 b, c);
    /// null when none. The warehouse checked is the tenant's own.
    /// </summary>
    public async Task<string?> OutageFor(string tenantId, string workflowType, CancellationToken cancellation) => workflowType switch
    {
        WorkflowTypes.Profile or WorkflowTypes.Dashboard when !await _dependencies.WarehouseAvailableAsync(tenantId, cancellation) => QueueReasons.WarehouseUnavailable,
        WorkflowTypes.Memo when !_dependencies.LlmAvailable => QueueReasons.LlmUnavailable,
        _ => null,
    };

    /// <summary>Whether a tenant's queued item's dependency is back (a snapshot taken once per admission pass).</summary>
    public async Task<Func<QueueItem, bool>> DependencySnapshotAsync(string tenantId, CancellationToken cancellation)
    {
        var warehouse = await _dependencies.WarehouseAvailableAsync(tenantId, cancellation);
        var llm = _dependencies.LlmAvailable;
        return item => item.WorkflowType switch
        {
            WorkflowTypes.Profile or WorkflowTypes.Dashboard => warehouse,
            WorkflowTypes.Memo => llm,
            _ => true,
        };
    }
}
