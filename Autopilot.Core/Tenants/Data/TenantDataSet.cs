using Autopilot.Core.Caching;
using Autopilot.Core.Storage;
using Microsoft.DurableTask.Client;

namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// Every store that holds a tenant's rows, in the order purge empties them: the engine's instances first (nothing of the
/// tenant may still run and write while its stores are emptied), then PURGE-6's order with the stores the seed left behind
/// beside the table they belong to, the tenant record, and last the audit trail (pseudonymised, not deleted).
/// A new store is one line here; <c>TenantDataSetCoverageTests</c> fails while a table of the code is missing.
/// </summary>
public sealed class TenantDataSet
{
    public TenantDataSet(TableStorage tables, IAutopilotCache cache, DurableTaskClient? engine, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        List<ITenantData> stores = engine is null ? [] : [new EngineInstances(engine, time)];
        stores.AddRange(
        [
            new PartitionRows("workflow_steps", tables, "WorkflowSteps"),
            new PartitionRows("alert_notifications", tables, "AlertNotifications", ("n|", "n}")),
            new PartitionRows("alert_notification_index_rows", tables, "AlertNotifications", ("n|", "n}"), outside: true),
            new PartitionRows("alerts", tables, "Alerts", ("a|", "a}")),
            new PartitionRows("alert_index_rows", tables, "Alerts", ("a|", "a}"), outside: true),
            new PartitionRows("query_approvals", tables, "QueryPreviews"),
            new PartitionRows("workflow_dead_letters", tables, "DeadLetters"),
            new PartitionRows("dead_letter_index_rows", tables, "DeadLettersByCreation"),
            new PartitionRows("workflow_failures", tables, "WorkflowFailures"),
            new PartitionRows("workflow_queue", tables, "Admission", ("q|", "q}")),
            new PartitionRows("admission_rows", tables, "Admission", ("q|", "q}"), outside: true),
            new SharedPartitionRows("admission_pending", tables, "AdmissionPending", "tenants"),
            new SharedPartitionRows("service_slots", tables, "AdmissionService", "slots"),
            new PartitionRows("workflow_runs", tables, "WorkflowRuns"),
            new PartitionRows("workflow_run_index_rows", tables, "WorkflowRunsByStart"),
            new PartitionRows("feedback", tables, "Feedback"),
            new PartitionRows("llm_usage", tables, "LlmUsage"),
            new PartitionRows("channel_reply_posts", tables, Channels.Replies.ChannelReplyPosts.TableName),
            new PartitionRows("llm_eval_runs", tables, Llm.Evaluation.LlmEvalRunStore.TableName),
            new PartitionRows("artifact_versions", tables, "Artifacts", ("v|", "v}")),
            new PartitionRows("artifacts", tables, "Artifacts", ("v|", "v}"), outside: true),
            new PartitionRows("catalog_columns", tables, "CatalogColumns"),
            new PartitionRows("catalog_tables", tables, "CatalogTables"),
            new PartitionRows("pii_decisions", tables, "PiiDecisions"),
            new PartitionRows("connections", tables, "Connections"),
            new SharedPartitionRows("connected_tenants", tables, "ConnectedTenants", "tenants"),
            new SharedPartitionRows("integration_bindings", tables, Channels.Bindings.IntegrationBindingStore.TableName, Channels.Bindings.IntegrationBindingStore.Partition),

            // Alert policy and routing, webhook channels and their secrets, memo schedule, limits: one row per setting.
            new PartitionRows("tenant_settings", tables, "TenantSettings"),
            new TenantCacheEntries(cache),
            new PartitionRows("tenant_rows", tables, TenantStore.TableName),
            new AuditRows(tables),
        ]);
        All = stores;
    }

    /// <summary>The stores in purge order.</summary>
    public IReadOnlyList<ITenantData> All { get; }

    public ITenantData this[string name] => All.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No tenant store named {name}.");
}
