using System.Globalization;
using Autopilot.Core.Pii;

namespace Autopilot.Core.Warehouse.BigQuery;

public sealed partial class BigQueryWarehouse
{
    /// <summary>Days back from today (UTC) in which <see cref="TableProfile.MissingDays"/> are looked for, as for DuckDB.</summary>
    public const int MissingDaysWindow = DuckDbWarehouse.MissingDaysWindow;

    private const string UtcIsoFormat = "%Y-%m-%dT%H:%M:%E6SZ";

    /// <summary>
    /// Profiles one table with the semantics of <see cref="DuckDbWarehouse.ProfileTableAsync"/>, through queries under
    /// <see cref="BigQueryOptions.ProfileMaximumBytesBilled"/>: one scan for counts, distincts, ranges and the latest
    /// time, one for the days with data, and one per STRING column for the PII pattern sample (deterministic and
    /// frequency-preserving). The schema is read again so a column dropped since introspection is skipped.
    /// </summary>
    public async Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var current = (await GetTableResourceAsync(table.Dataset, table.Name, ct)).Schema?.Fields ?? [];
        var types = current
            .Where(f => f.Name is not null)
            .ToDictionary(f => f.Name!, BigQueryTypes.Of, StringComparer.Ordinal);
        var columns = table.Columns
            .Where(c => types.ContainsKey(c.Name))
            .Select(c => new ProfiledColumn(c.Name, types[c.Name]))
            .ToList();
        var timeColumn = TimeColumnOf(table.PartitionColumn, columns);
        var from = QualifiedName(table.Dataset, table.Name);

        var stats = await ScanAsync(from, columns, timeColumn, options, ct);
        var now = _time.GetUtcNow();
        double? freshness = stats.LatestAt is { } latest ? Math.Max(0, (now - latest).TotalHours) : null;
        var missingDays = timeColumn is not null && stats.LatestAt is not null
            ? await MissingDaysAsync(from, timeColumn, DateOnly.FromDateTime(now.UtcDateTime), ct)
            : [];

        var profiles = new List<ColumnProfile>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var stat = stats.Columns[i];
            var nullPct = stats.Rows == 0 ? 0 : 100.0 * (stats.Rows - stat.NonNull) / stats.Rows;
            var valueMatch = column.Type == "STRING" && options.PatternSampleSize > 0
                ? await MatchValuePatternsAsync(from, column, options.PatternSampleSize, ct)
                : null;
            profiles.Add(new ColumnProfile(column.Name, column.Type, nullPct, stat.Distinct, stat.Min, stat.Max, valueMatch));
        }

        return new TableProfile(table.Dataset, table.Name, stats.Rows, timeColumn?.Name, stats.LatestAt, freshness, missingDays, profiles);
    }

    /// <summary>The partition column when it is temporal; the ingestion-time pseudo column counts as a TIMESTAMP.</summary>
    private static ProfiledColumn? TimeColumnOf(string? partition, List<ProfiledColumn> columns)
    {
        if (partition == IngestionTimeColumn)
        {
            return new ProfiledColumn(IngestionTimeColumn, "TIMESTAMP");
        }

        return partition is not null && columns.FirstOrDefault(c => c.Name == partition) is { } column
            && DuckDbTypes.IsTemporal(column.Type)
                ? column
                : null;
    }

    private async Task<TableScan> ScanAsync(
        string from, List<ProfiledColumn> columns, ProfiledColumn? timeColumn, ProfileOptions options, CancellationToken ct)
    {
        var select = new List<string> { "COUNT(*) AS n" };
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var q = Quote(column.Name);
            // ARRAY, STRUCT, JSON and GEOGRAPHY cannot be counted distinct as they are; their JSON text can (NULL kept
            // NULL, not the text 'null', so it is not counted as a value).
            var distinctOf = column.Type is "ARRAY" or "STRUCT" or "JSON" or "GEOGRAPHY"
                ? $"CASE WHEN {q} IS NULL THEN NULL ELSE TO_JSON_STRING({q}) END"
                : q;
            select.Add($"COUNT({q}) AS nn_{i}");
            select.Add(options.Sampling ? $"APPROX_COUNT_DISTINCT({distinctOf}) AS d_{i}" : $"COUNT(DISTINCT {distinctOf}) AS d_{i}");
            select.Add(column.HasRange ? $"{RangeSql($"MIN({q})", column)} AS lo_{i}" : $"CAST(NULL AS STRING) AS lo_{i}");
            select.Add(column.HasRange ? $"{RangeSql($"MAX({q})", column)} AS hi_{i}" : $"CAST(NULL AS STRING) AS hi_{i}");
        }

        select.Add(timeColumn is null
            ? "CAST(NULL AS INT64) AS latest_us"
            : timeColumn.Type == "TIMESTAMP"
                ? $"UNIX_MICROS(MAX({Quote(timeColumn.Name)})) AS latest_us"
                : $"UNIX_MICROS(CAST(MAX({Quote(timeColumn.Name)}) AS TIMESTAMP)) AS latest_us");

        var result = await ExecuteAsync($"SELECT {string.Join(", ", select)} FROM {from}", ProfileContext(1), ct);
        var row = result.Rows.Count == 1 ? result.Rows[0] : throw BigQueryErrors.Malformed("profile", "the scan returned no row");
        var stats = new List<ColumnScan>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            stats.Add(new ColumnScan(
                Long(row, $"nn_{i}"), Long(row, $"d_{i}"), Text(row, $"lo_{i}"), Text(row, $"hi_{i}")));
        }

        DateTimeOffset? latest = row.GetValueOrDefault("latest_us") is { } micros
            ? DateTimeOffset.UnixEpoch.AddTicks(Convert.ToInt64(micros, CultureInfo.InvariantCulture) * TimeSpan.TicksPerMicrosecond)
            : null;
        return new TableScan(Long(row, "n"), stats, latest);
    }

    // Ranges print as invariant text from BigQuery itself: timestamps as ISO 8601 UTC with microseconds, others cast.
    private static string RangeSql(string aggregate, ProfiledColumn column) => column.Type == "TIMESTAMP"
        ? $"FORMAT_TIMESTAMP('{UtcIsoFormat}', {aggregate}, 'UTC')"
        : $"CAST({aggregate} AS STRING)";

    private async Task<IReadOnlyList<DateOnly>> MissingDaysAsync(string from, ProfiledColumn timeColumn, DateOnly today, CancellationToken ct)
    {
        // CAST(TIMESTAMP AS DATE) is the UTC date in BigQuery.
        var day = timeColumn.Type == "DATE" ? Quote(timeColumn.Name) : $"CAST({Quote(timeColumn.Name)} AS DATE)";
        var since = today.AddDays(-MissingDaysWindow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var until = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sql = $"SELECT DISTINCT {day} AS day FROM {from} WHERE {day} BETWEEN DATE '{since}' AND DATE '{until}' ORDER BY day";
        var result = await ExecuteAsync(sql, ProfileContext(MissingDaysWindow + 1), ct);
        var missing = new List<DateOnly>();
        DateOnly? previous = null;
        foreach (var row in result.Rows)
        {
            var current = row.GetValueOrDefault("day") as DateOnly? ?? throw BigQueryErrors.Malformed("profile", "a day that is not a DATE");
            for (var gap = previous?.AddDays(1); gap < current; gap = gap.Value.AddDays(1))
            {
                missing.Add(gap.Value);
            }

            previous = current;
        }

        return missing;
    }

    // Values are read and tested here and dropped; only the counts leave.
    private async Task<PiiValueMatch?> MatchValuePatternsAsync(string from, ProfiledColumn column, int sampleSize, CancellationToken ct)
    {
        var q = Quote(column.Name);
        // BigQuery has no row id. Numbering the copies of each value and hashing value and number gives every row its
        // own pseudo-random key: frequent values stay as frequent in the sample, and every run draws the same sample.
        var sql = $"""
            SELECT v FROM (
              SELECT {q} AS v, ROW_NUMBER() OVER (PARTITION BY {q}) AS k FROM {from} WHERE {q} IS NOT NULL
            ) ORDER BY FARM_FINGERPRINT(CONCAT(v, '#pii_sample#', CAST(k AS STRING))) LIMIT {sampleSize.ToString(CultureInfo.InvariantCulture)}
            """;
        var result = await ExecuteAsync(sql, ProfileContext(sampleSize), ct);
        var types = PiiValuePatterns.Types;
        var matched = new int[types.Count];
        var sampled = 0;
        foreach (var row in result.Rows)
        {
            if (row.GetValueOrDefault("v") is not string value)
            {
                continue;
            }

            sampled++;
            for (var t = 0; t < types.Count; t++)
            {
                if (PiiValuePatterns.Matches(types[t], value))
                {
                    matched[t]++;
                }
            }
        }

        var best = 0;
        for (var t = 1; t < types.Count; t++)
        {
            best = matched[t] > matched[best] ? t : best;
        }

        return matched[best] > 0 ? new PiiValueMatch(types[best], sampled, matched[best]) : null;
    }

    private QueryContext ProfileContext(int maxRows) =>
        new(_options.TenantId, WorkflowId: null, _options.ProfileMaximumBytesBilled, _options.ProfileTimeout, maxRows);

    private static long Long(IReadOnlyDictionary<string, object?> row, string column) => row.TryGetValue(column, out var value) && value is not null
        ? Convert.ToInt64(value, CultureInfo.InvariantCulture)
        : throw BigQueryErrors.Malformed("profile", $"no value for {column}");

    private static string? Text(IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) ? value as string : throw BigQueryErrors.Malformed("profile", $"no column {column}");

    private sealed record ProfiledColumn(string Name, string Type)
    {
        public bool HasRange => DuckDbTypes.HasReportableRange(Type);
    }

    private sealed record ColumnScan(long NonNull, long Distinct, string? Min, string? Max);

    private sealed record TableScan(long Rows, List<ColumnScan> Columns, DateTimeOffset? LatestAt);
}
