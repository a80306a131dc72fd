using System.Security.Cryptography;
using Autopilot.Core.Storage;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Connectors;

/// <summary>The key-rotation pass: rewrites credentials not yet under the current key.</summary>
public sealed partial class ConnectionStore
{
    /// <summary>
    /// Re-encrypts one page of connections whose credentials are not under the current key (the query selects only
    /// those, so a repeated or resumed page finds nothing left to do). Each row is replaced only if unchanged since it
    /// was read (ETag): a reconnect or disconnect meanwhile has already written under the current key, or erased them.
    /// </summary>
    public async Task<ReencryptPageResult> ReencryptPageAsync(ReencryptPageInput input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(input);
        var table = await _storage.TableAsync(TableName);
        Page<TableEntity>? page = null;
        await foreach (var first in table.QueryAsync<TableEntity>(NotCurrentFilter(input.TenantId), maxPerPage: input.PageSize, cancellationToken: cancellation).AsPages(input.Continuation, input.PageSize))
        {
            page = first;
            break;
        }

        if (page is null)
        {
            return new ReencryptPageResult(0, 0, [], null);
        }

        int reencrypted = 0, skipped = 0;
        var unreadable = new List<string>();
        foreach (var entity in page.Values)
        {
            var tenantId = entity.GetString("tenant_id");
            var connectionId = entity.GetString("connection_id");
            if (entity.GetString("credentials") is not { Length: > 0 } cipher || _protector.IsCurrent(cipher))
            {
                skipped++;
                continue;
            }

            try
            {
                entity["credentials"] = _protector.Protect(_protector.Unprotect(cipher, tenantId, connectionId), tenantId, connectionId);
            }
            catch (CryptographicException)
            {
                unreadable.Add($"{tenantId}/{connectionId}: key id '{CredentialProtector.KeyIdOf(cipher) ?? "unknown"}'");
                continue;
            }

            try
            {
                // Only the ciphertext changes: updated_at describes the connection, not its encryption.
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellation);
                reencrypted++;
            }
            catch (RequestFailedException changed) when (changed.Status == 412)
            {
                skipped++;
            }
        }

        return new ReencryptPageResult(reencrypted, skipped, unreadable, page.ContinuationToken);
    }

    /// <summary>Rows with credentials whose text does not start with the current prefix: [.., prefix) or [prefix+1, ..).</summary>
    private string NotCurrentFilter(string? tenantId)
    {
        var prefix = _protector.CurrentPrefix;
        var after = prefix[..^1] + (char)(prefix[^1] + 1);
        var notCurrent = TableClient.CreateQueryFilter($"(credentials lt {prefix} or credentials ge {after})");
        return tenantId is null ? notCurrent : TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}") + " and " + notCurrent;
    }
}
