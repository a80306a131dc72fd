using System.Globalization;
using Autopilot.Core.Pii;
using DuckDB.NET.Data;

namespace Autopilot.Core.Warehouse;

public sealed partial class DuckDbWarehouse
{
    /// <summary>Days back from today (UTC) in which <see cref="TableProfile.MissingDays"/> are looked for.</summary>
    public const int MissingDaysWindow = 90;

    private const string UtcIsoFormat = "%Y-%m-%dT%H:%M:%S.%fZ";

    /// <summary>
    /// Profiles one table in one scan for counts, distincts, ranges and the latest time, plus one query for the days
    /// with data and one per text column for the PII pattern sample (a deterministic pseudo-random sample of rows).
    /// </summary>
    public async Task<TableProfile> ProfileTableAsync(WarehouseTable table, ProfileOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = Open(ct);
        var nativeTypes = await NativeTypesAsync(connection, table, ct);
        var from = QualifiedName(table.Dataset, table.Name);
        // Profile what the table has now: a column dropped since introspection is skipped, not an error.
        var columns = table.Columns
            .Where(c => nativeTypes.ContainsKey(c.Name))
            .Select(c => new ProfiledColumn(c.Name, nativeTypes[c.Name]))
            .ToList();
        var timeColumn = table.PartitionColumn is { } partition
            && columns.FirstOrDefault(c => c.Name == partition) is { } candidate
            && DuckDbTypes.IsTemporal(candidate.BigQueryType)
                ? candidate
                : null;

        var stats = await ScanAsync(connection, from, columns, timeColumn, options, ct);
        var now = _time.GetUtcNow();
        double? freshness = stats.LatestAt is { } latest ? Math.Max(0, (now - latest).TotalHours) : null;
        var missingDays = timeColumn is not null && stats.LatestAt is not null
            ? await MissingDaysAsync(connection, from, timeColumn, DateOnly.FromDateTime(now.UtcDateTime), ct)
            : [];

        var profiles = new List<ColumnProfile>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var stat = stats.Columns[i];
            var nullPct = stats.Rows == 0 ? 0 : 100.0 * (stats.Rows - stat.NonNull) / stats.Rows;
            var valueMatch = column.BigQueryType == "STRING" && options.PatternSampleSize > 0
                ? await MatchValuePatternsAsync(connection, from, column, options.PatternSampleSize, ct)
                : null;
            profiles.Add(new ColumnProfile(column.Name, column.BigQueryType, nullPct, stat.Distinct, stat.Min, stat.Max, valueMatch));
        }

        return new TableProfile(table.Dataset, table.Name, stats.Rows, timeColumn?.Name, stats.LatestAt, freshness, missingDays, profiles);
    }

    private static async Task<Dictionary<string, string>> NativeTypesAsync(
        DuckDBConnection connection, WarehouseTable table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT column_name, data_type FROM duckdb_columns()
            WHERE database_name = current_database() AND schema_name = $dataset AND table_name = $table
            """;
        command.Parameters.Add(new DuckDBParameter("dataset", table.Dataset));
        command.Parameters.Add(new DuckDBParameter("table", table.Name));
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }

        return types.Count > 0
            ? types
            : throw new InvalidOperationException($"Table {table.Dataset}.{table.Name} does not exist in the warehouse.");
    }

    private static async Task<TableScan> ScanAsync(
        DuckDBConnection connection, string from, List<ProfiledColumn> columns, ProfiledColumn? timeColumn,
        ProfileOptions options, CancellationToken ct)
    {
        var select = new List<string> { "count(*)" };
        foreach (var column in columns)
        {
            var q = Quote(column.Name);
            select.Add($"count({q})");
            select.Add(options.Sampling ? $"approx_count_distinct({q})" : $"count(DISTINCT {q})");
            select.Add(column.HasRange ? RangeSql($"min({q})", column) : "NULL");
            select.Add(column.HasRange ? RangeSql($"max({q})", column) : "NULL");
        }

        select.Add(timeColumn is null
            ? "NULL"
            : timeColumn.WithTimeZone
                ? $"epoch_us(max({Quote(timeColumn.Name)}))"
                : $"epoch_us(CAST(max({Quote(timeColumn.Name)}) AS TIMESTAMP))");

        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM {from}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var stats = new List<ColumnScan>(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var at = 1 + (i * 4);
            stats.Add(new ColumnScan(
                reader.GetInt64(at),
                Convert.ToInt64(reader.GetValue(at + 1), CultureInfo.InvariantCulture),
                reader.IsDBNull(at + 2) ? null : reader.GetString(at + 2),
                reader.IsDBNull(at + 3) ? null : reader.GetString(at + 3)));
        }

        var last = select.Count - 1;
        DateTimeOffset? latest = reader.IsDBNull(last)
            ? null
            : DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(last) * TimeSpan.TicksPerMicrosecond);
        return new TableScan(reader.GetInt64(0), stats, latest);
    }

    // Ranges print as invariant text from DuckDB itself: timestamps as ISO 8601 UTC, others in DuckDB's canonical form.
    private static string RangeSql(string aggregate, ProfiledColumn column) => column.BigQueryType switch
    {
        "TIMESTAMP" when column.WithTimeZone => $"strftime(timezone('UTC', {aggregate}), '{UtcIsoFormat}')",
        "TIMESTAMP" => $"strftime(CAST({aggregate} AS TIMESTAMP), '{UtcIsoFormat}')",
        _ => $"CAST({aggregate} AS VARCHAR)",
    };

    private static async Task<IReadOnlyList<DateOnly>> MissingDaysAsync(
        DuckDBConnection connection, string from, ProfiledColumn timeColumn, DateOnly today, CancellationToken ct)
    {
        var q = Quote(timeColumn.Name);
        var day = timeColumn.WithTimeZone ? $"CAST(timezone('UTC', {q}) AS DATE)" : $"CAST({q} AS DATE)";
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT DISTINCT {day} AS day FROM {from} WHERE {day} BETWEEN $since AND $today ORDER BY day";
        command.Parameters.Add(new DuckDBParameter("since", today.AddDays(-MissingDaysWindow)));
        command.Parameters.Add(new DuckDBParameter("today", today));
        var missing = new List<DateOnly>();
        DateOnly? previous = null;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var current = reader.GetFieldValue<DateOnly>(0);
            for (var gap = previous?.AddDays(1); gap < current; gap = gap.Value.AddDays(1))
            {
                missing.Add(gap.Value);
            }

            previous = current;
        }

        return missing;
    }

    // Values are read and tested here and dropped; only the counts leave.
    private static async Task<PiiValueMatch?> MatchValuePatternsAsync(
        DuckDBConnection connection, string from, ProfiledColumn column, int sampleSize, CancellationToken ct)
    {
        var q = Quote(column.Name);
        await using var command = connection.CreateCommand();
        // Ordering by a hash of the row id, not of the value, keeps frequent values as frequent in the sample as in
        // the table, and gives the same sample on every run.
        command.CommandText = $"SELECT {q} FROM {from} WHERE {q} IS NOT NULL ORDER BY hash(rowid, 'pii_sample') LIMIT $n";
        command.Parameters.Add(new DuckDBParameter("n", sampleSize));
        var types = PiiValuePatterns.Types;
        var matched = new int[types.Count];
        var sampled = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var value = reader.GetString(0);
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

    private sealed record ProfiledColumn(string Name, string NativeType)
    {
        public string BigQueryType { get; } = DuckDbTypes.ToBigQuery(NativeType);

        public bool WithTimeZone => DuckDbTypes.IsWithTimeZone(NativeType);

        public bool HasRange => DuckDbTypes.HasReportableRange(BigQueryType);
    }

    private sealed record ColumnScan(long NonNull, long Distinct, string? Min, string? Max);

    private sealed record TableScan(long Rows, List<ColumnScan> Columns, DateTimeOffset? LatestAt);
}
