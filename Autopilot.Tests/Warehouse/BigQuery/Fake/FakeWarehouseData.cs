using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// The DuckDB file behind the fake BigQuery: small deterministic tables in datasets <c>analytics</c> and
/// <c>staging</c>, plus macros standing in for the BigQuery functions the connector's generated SQL calls. Built once
/// per test run, then only ever opened read-only.
/// </summary>
internal static class FakeWarehouseData
{
    /// <summary>The day with no events (the events cover 2026-10-27 … 2026-11-25 otherwise).</summary>
    public static readonly DateOnly MissingEventDay = new(2026, 11, 13);

    /// <summary>The UTC instant the events end before; tests' clocks start here.</summary>
    public static readonly DateTimeOffset DataEnd = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);

    public const int EventCount = 260;

    /// <summary>Time partitioning the fake reports per table: (type, field); a null field is ingestion-time partitioning.</summary>
    public static readonly IReadOnlyDictionary<string, (string Type, string? Field)> Partitioning =
        new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
        {
            ["analytics.events"] = ("DAY", "event_time"),
            ["analytics.orders"] = ("DAY", "ordered_on"),
            ["staging.raw_events"] = ("DAY", null),
        };

    private static readonly Lazy<string> File = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => File.Value;

    private static string Build()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autopilot-tests", "bigquery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "fake-bigquery.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Script;
            command.ExecuteNonQuery();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A connection still closing can hold the file; the OS temp cleaner takes what is left.
            }
        };
        return path;
    }

    // Day offsets skip 17 (2026-11-13) so the events have exactly one missing day; micro-second fractions test precision.
    private const string Script = """
        CREATE SCHEMA analytics;
        CREATE SCHEMA staging;

        CREATE TABLE analytics.events (
          event_id BIGINT NOT NULL,
          user_id VARCHAR NOT NULL,
          event_name VARCHAR NOT NULL,
          event_time TIMESTAMP NOT NULL,
          revenue DECIMAL(18,2),
          duration_s DOUBLE,
          is_mobile BOOLEAN,
          event_date DATE NOT NULL,
          properties JSON,
          tags VARCHAR[],
          device STRUCT(os VARCHAR, version INTEGER)
        );
        INSERT INTO analytics.events
        SELECT
          i,
          'u' || lpad(CAST(i % 37 AS VARCHAR), 3, '0'),
          ['view', 'click', 'purchase', 'signup'][1 + i % 4],
          t,
          CASE WHEN i % 4 = 2 THEN CAST(i * 3.17 AS DECIMAL(18,2)) END,
          CASE WHEN i % 10 <> 0 THEN i * 1.5 + 0.25 END,
          CASE WHEN i % 11 <> 0 THEN i % 3 = 0 END,
          CAST(t AS DATE),
          CASE WHEN i % 6 <> 0 THEN json_object('page', '/p/' || (i % 5)) END,
          CASE WHEN i % 5 = 0 THEN NULL ELSE ['t' || (i % 3), 'x'] END,
          CASE WHEN i % 8 <> 0 THEN {'os': ['ios', 'android', 'web'][1 + i % 3], 'version': i % 7} END
        FROM (
          SELECT i,
            TIMESTAMP '2026-10-27 00:00:00'
              + to_days(CASE WHEN (i * 7) % 30 = 17 THEN 18 ELSE (i * 7) % 30 END)
              + to_microseconds((i * 997 % 86400) * 1000000 + (i * 123457) % 1000000) AS t
          FROM range(1, 261) r(i)
        );

        CREATE TABLE analytics.users (
          user_id VARCHAR NOT NULL,
          email VARCHAR,
          phone VARCHAR,
          country VARCHAR NOT NULL,
          created_at TIMESTAMP NOT NULL,
          score DOUBLE
        );
        INSERT INTO analytics.users
        SELECT
          'u' || lpad(CAST(i AS VARCHAR), 3, '0'),
          CASE WHEN i % 9 <> 0 THEN 'user' || i || '@example.com' END,
          '(415) 555-01' || lpad(CAST(i AS VARCHAR), 2, '0'),
          ['US', 'DE', 'FR'][1 + i % 3],
          TIMESTAMP '2026-09-01 08:00:00' + to_days(i),
          i / 4.0
        FROM range(0, 40) r(i);

        CREATE TABLE analytics.orders (
          order_id BIGINT NOT NULL,
          user_id VARCHAR,
          amount DECIMAL(12,2) NOT NULL,
          ordered_on DATE NOT NULL
        );
        INSERT INTO analytics.orders
        SELECT i, 'u' || lpad(CAST(i % 40 AS VARCHAR), 3, '0'), CAST(10 + i * 1.25 AS DECIMAL(12,2)),
          DATE '2026-11-06' + CAST(i % 20 AS INTEGER)
        FROM range(1, 61) r(i);

        CREATE TABLE staging.raw_events (id BIGINT NOT NULL, payload VARCHAR, _PARTITIONTIME TIMESTAMP);
        INSERT INTO staging.raw_events SELECT i, 'raw-' || i, TIMESTAMP '2026-11-20 00:00:00' + to_days(i % 3) FROM range(1, 6) r(i);

        -- BigQuery functions the connector's generated SQL uses, as DuckDB macros.
        CREATE MACRO farm_fingerprint(x) AS hash(x);
        CREATE MACRO unix_micros(t) AS epoch_us(t);
        CREATE MACRO format_timestamp(f, t, z) AS strftime(t, replace(f, '%E6S', '%S.%f'));
        CREATE MACRO to_json_string(x) AS CAST(to_json(x) AS VARCHAR);
        CREATE MACRO safe_divide(a, b) AS CASE WHEN b = 0 THEN NULL ELSE a / b END;
        """;

    /// <summary>Reads the catalog the fake serves: every table with fields, row counts, per-column bytes and partitioning.</summary>
    public static IReadOnlyList<FakeTable> ReadCatalog()
    {
        using var connection = DemoWarehouse.OpenReadOnly(Path);
        var columns = new List<(string Schema, string Table, string Column, string Type, bool Nullable)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT schema_name, table_name, column_name, data_type, is_nullable FROM duckdb_columns()
                WHERE database_name = current_database() AND schema_name IN ('analytics', 'staging')
                ORDER BY schema_name, table_name, column_index
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // BigQuery's pseudo-columns (_PARTITIONTIME, _PARTITIONDATE) can be queried but are not part of the schema.
                if (!reader.GetString(2).StartsWith("_PARTITION", StringComparison.Ordinal))
                {
                    columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4)));
                }
            }
        }

        var tables = new List<FakeTable>();
        foreach (var group in columns.GroupBy(c => (c.Schema, c.Table)))
        {
            var fields = group.Select(c => FakeField.FromDuckDb(c.Column, c.Type, c.Nullable)).ToList();
            var sizes = group.Select(c => DuckDbTypes.LogicalBytesSql(DuckDbWarehouse.Quote(c.Column), DuckDbTypes.ToBigQuery(c.Type)));
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*), {string.Join(", ", sizes.Select(s => $"CAST({s} AS BIGINT)"))} FROM \"{group.Key.Schema}\".\"{group.Key.Table}\"";
            using var reader = command.ExecuteReader();
            reader.Read();
            var bytes = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            var i = 1;
            foreach (var column in group)
            {
                bytes[column.Column] = reader.IsDBNull(i) ? 0 : reader.GetInt64(i);
                i++;
            }

            Partitioning.TryGetValue($"{group.Key.Schema}.{group.Key.Table}", out var partitioning);
            tables.Add(new FakeTable(group.Key.Schema, group.Key.Table, fields, reader.GetInt64(0), bytes, partitioning.Type, partitioning.Field));
        }

        return tables;
    }
}
