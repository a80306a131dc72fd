using Autopilot.Tests.Infrastructure;
using Azure.Data.Tables;

namespace Autopilot.Tests.Tenants;

/// <summary>
/// Reads every table of a task hub directly — Autopilot's and the engine's own (instances, history) — and reports each row
/// that names a tenant in its keys or any text field. Independent of the code's store list on purpose: it finds what
/// a purge forgot, including tables nobody registered.
/// </summary>
internal static class TenantFootprint
{
    public static async Task<IReadOnlyList<string>> FindAsync(string hub, string tenantId)
    {
        var service = new TableServiceClient(TestEnvironment.StorageConnectionString);
        var found = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(hub, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var client = service.GetTableClient(table.Name);
            await foreach (var row in client.QueryAsync<TableEntity>(maxPerPage: 1000))
            {
                var named = row.Where(p => p.Value is string text && Names(text, tenantId)).Select(p => p.Key).ToList();
                if (Names(row.PartitionKey, tenantId) || Names(row.RowKey, tenantId) || named.Count > 0)
                {
                    found.Add($"{table.Name}: {row.PartitionKey} / {row.RowKey} [{string.Join(", ", named)}]");
                }
            }
        }

        return found;
    }

    private static bool Names(string text, string tenantId) =>
        text.Contains(tenantId, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(tenantId), StringComparison.Ordinal);
}
