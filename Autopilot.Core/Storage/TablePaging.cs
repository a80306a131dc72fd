using Autopilot.Core.Api;
using Azure;
using Azure.Data.Tables;

namespace Autopilot.Core.Storage;

/// <summary>One page of a single-partition Table query, resumed from and ending in an opaque <see cref="PageCursor"/>.</summary>
public static class TablePaging
{
    public static async Task<ItemPage<TableEntity>> PageAsync(TableClient table, string filter, PageQuery page, CancellationToken cancellation, IEnumerable<string>? select = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await foreach (var found in table.QueryAsync<TableEntity>(filter, page.Limit, select, cancellation).AsPages(page.Cursor?.Token, page.Limit))
            {
                var offset = (page.Cursor?.Offset ?? 0) + found.Values.Count;
                var next = string.IsNullOrEmpty(found.ContinuationToken) ? null : new PageCursor(found.ContinuationToken, offset).Encode();
                return new ItemPage<TableEntity>(found.Values, next);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && page.Cursor is not null)
        {
            // A forged token the service cannot read is the client's error, not ours.
            throw ValidationException.Invalid("query", "cursor", "value_error", "cursor must be a next_cursor returned by this list", null);
        }

        return new ItemPage<TableEntity>([], null);
    }
}
