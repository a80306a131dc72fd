using System.Globalization;
using DuckDB.NET.Data;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// The embedded demo warehouse: a DuckDB file with schema <c>analytics</c> (users, events, orders, config) generated
/// deterministically from a date, and the locked-down read-only connection every query over it uses.
/// </summary>
/// <remarks>
/// Time window: events and orders cover the 90 whole UTC days before <c>today</c>, [today−90d, today 00:00); nothing is
/// dated <c>today</c> or later, so the content depends on the date alone and never lies in the future. The last event is
/// seconds before midnight, so freshness measured on <c>today</c> equals the hours elapsed since UTC midnight.
/// Events have exactly one missing day, <see cref="MissingEventDay"/>.
/// </remarks>
public static partial class DemoWarehouse
{
    /// <summary>Bumped whenever the generated content changes, so existing files are regenerated.</summary>
    public const string GeneratorVersion = "1";

    public const string Dataset = "analytics";

    public const int UserCount = 50_000;

    /// <summary>Days of events and orders before <c>today</c>.</summary>
    public const int HistoryDays = 90;

    /// <summary>Days before <c>today</c> of the one day with no events (a simulated pipeline outage).</summary>
    public const int MissingEventDayOffset = 12;

    // DuckDB.NET shares one database instance per file within a process: opening and locking that shared instance is
    // serialized, and so is generation, so that two callers do not generate the same file at once.
    private static readonly Lock GenerationGate = new();
    private static readonly Lock OpenGate = new();

    public static DateOnly MissingEventDay(DateOnly today) => today.AddDays(-MissingEventDayOffset);

    /// <summary>
    /// Makes sure <paramref name="path"/> holds the demo warehouse generated for <paramref name="today"/>: skips when it
    /// already does (same date and generator version), otherwise generates into a temporary file next to it and
    /// renames that over it. Returns true when it generated.
    /// </summary>
    public static bool EnsureCreated(string path, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        lock (GenerationGate)
        {
            if (IsGeneratedFor(full, today))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            try
            {
                Generate(temp, today);
                // A write-ahead log left by an earlier crash would be replayed onto the new file: drop it first.
                File.Delete(full + ".wal");
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
                File.Delete(temp + ".wal");
            }

            return true;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> read-only with external access off and the configuration locked, so a query can
    /// neither write, nor read or write other files (<c>COPY … TO</c>, <c>read_csv</c>, <c>ATTACH</c>), nor undo that
    /// with <c>SET</c> (recipes.md § DuckDB).
    /// </summary>
    public static DuckDBConnection OpenReadOnly(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new DuckDBConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
        };
        builder["ACCESS_MODE"] = "READ_ONLY";
        builder["enable_external_access"] = "false";
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            lock (OpenGate)
            {
                connection.Open();
                LockDown(connection);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Connections to one file share one database instance in this process, whatever options each connection string
    // asked for: an instance someone opened writable, or with external access on, is handed back as it is. So check
    // the instance, not the connection string, and lock it once (a second SET lock_configuration would fail).
    private static void LockDown(DuckDBConnection connection)
    {
        if (!ScalarBool(connection, "SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()"))
        {
            throw new InvalidOperationException(
                "The warehouse file is open for writing in this process; a read-only connection cannot be guaranteed.");
        }

        if (!ScalarBool(connection, "SELECT current_setting('lock_configuration')"))
        {
            Execute(connection, "SET enable_external_access = false");
            Execute(connection, "SET lock_configuration = true");
        }
        else if (ScalarBool(connection, "SELECT current_setting('enable_external_access')"))
        {
            throw new InvalidOperationException(
                "The warehouse file is open in this process with external access on and its configuration locked.");
        }
    }

    private static bool IsGeneratedFor(string path, DateOnly today)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var connection = OpenReadOnly(path);
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT
                    max(CASE WHEN key = 'demo_generated_for' THEN value END),
                    max(CASE WHEN key = 'demo_generator_version' THEN value END)
                FROM analytics.config
                """;
            using var reader = command.ExecuteReader();
            return reader.Read()
                && !reader.IsDBNull(0) && reader.GetString(0) == FormatDate(today)
                && !reader.IsDBNull(1) && reader.GetString(1) == GeneratorVersion;
        }
        catch (DuckDBException)
        {
            // Not a demo warehouse (or a damaged one): generate a fresh file over it.
            return false;
        }
    }

    private static void Generate(string path, DateOnly today)
    {
        using var connection = new DuckDBConnection($"DataSource={path}");
        connection.Open();
        foreach (var statement in GenerationScript(today))
        {
            Execute(connection, statement);
        }

        // Fold the write-ahead log into the file before it is closed and renamed.
        Execute(connection, "CHECKPOINT");
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static bool ScalarBool(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToBoolean(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
