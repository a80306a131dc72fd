using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Tenants.Data;

/// <summary>
/// The audit trail is kept (PURGE-7) but stops naming the tenant: each row moves to the pseudonym's partition with the
/// tenant id replaced, in its fields and in its payload text. Copy first, then delete, so a crash between the two leaves
/// a duplicate under the pseudonym (overwritten by the repeat), never a lost row.
/// </summary>
public sealed class AuditRows : ITenantData
{
    public const string StoreName = "audit_rows_identifying";
    private readonly TableStorage _storage;

    public AuditRows(TableStorage storage) => _storage = storage;

    public string Name => StoreName;

    public IReadOnlyList<string> Tables { get; } = [Audit.AuditLog.TableName];

    public Task<long> CountAsync(string tenantId, CancellationToken cancellation) =>
        TableRows.CountAsync(_storage, Audit.AuditLog.TableName, TableRows.Partition(tenantId), cancellation);

    public async Task<int> RemovePageAsync(string tenantId, string pseudonym, int max, CancellationToken cancellation)
    {
        var rows = await TableRows.PageAsync(_storage, Audit.AuditLog.TableName, TableRows.Partition(tenantId), max, cancellation, select: []);
        if (rows.Count == 0)
        {
            return 0;
        }

        var target = TableKey.Escape(pseudonym);
        var moved = rows.Select(row =>
        {
            var copy = new TableEntity(target, row.RowKey);
            foreach (var (key, value) in row)
            {
                if (key is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
                {
                    continue;
                }

                copy[key] = value is string text ? Pseudonymise(text, tenantId, pseudonym) : value;
            }

            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, copy);
        });
        var table = await _storage.TableAsync(Audit.AuditLog.TableName);
        await TableBatch.SubmitChunkedAsync(table, moved, cancellation);
        await TableRows.DeleteAsync(_storage, Audit.AuditLog.TableName, rows, cancellation);
        return rows.Count;
    }

    /// <summary>The text with every occurrence of the tenant id replaced (payloads name it: tenant_id, connection ids, paths).</summary>
    public static string Pseudonymise(string text, string tenantId, string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace(tenantId, pseudonym, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(tenantId), pseudonym, StringComparison.Ordinal);
    }
}
