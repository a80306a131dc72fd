using System.Text.Json;
using Autopilot.Core.Engine;

namespace Autopilot.Core.Queries;

/// <summary>
/// The result of an approve-run as stored with its preview: every row when it fits the stored-size limit; otherwise the
/// most leading rows that fit (found by bisection on the measured size), marked <c>truncated</c>. The check is explicit,
/// so the store never meets a result it cannot hold.
/// </summary>
public static class StoredQueryResult
{
    public static string Fit(QueryOutcome outcome, int maxStoredBytes)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var all = Serialize(outcome, outcome.Rows.Count);
        if (QueryPreviewStore.StoredSize(all) <= maxStoredBytes)
        {
            return all;
        }

        // The largest row count whose result fits: zero rows always does (columns only) unless the limit is absurdly small.
        var (fits, tooMany) = (0, outcome.Rows.Count);
        while (tooMany - fits > 1)
        {
            var middle = fits + ((tooMany - fits) / 2);
            if (QueryPreviewStore.StoredSize(Serialize(outcome, middle)) <= maxStoredBytes)
            {
                fits = middle;
            }
            else
            {
                tooMany = middle;
            }
        }

        return Serialize(outcome, fits);
    }

    private static string Serialize(QueryOutcome outcome, int rows) => JsonSerializer.Serialize(new
    {
        columns = outcome.Columns,
        rows = outcome.Rows.Take(rows),
        truncated = outcome.Truncated || rows < outcome.Rows.Count,
        redacted_columns = outcome.RedactedColumns,
        cache_hit = outcome.CacheHit,
    }, AutopilotJson.Options);
}
